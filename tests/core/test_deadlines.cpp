#include "deadlines/DeadlineCalculator.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <optional>

using namespace casedesk;

namespace {

QDate d(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

// A moment written with its UTC offset, e.g. "2026-03-04T16:59:00+08:00".
QDateTime t(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

Branch shanghai()
{
    Branch branch;
    branch.code = QStringLiteral("SH01");
    branch.timeZone = QStringLiteral("Asia/Shanghai");
    branch.cutoff = QTime(17, 0);
    return branch;
}

} // namespace

// Every expected date below was counted by hand from resources/calendars/cn-2025.json, cn-2026.json
// and resources/rules/time-limits.json (register 1, contact 3, general 3, complex 7, extended 10,
// statutory 15/30/60 calendar days, visit 5, due soon at 0.75, cut-off 17:00).
class TestDeadlines : public QObject
{
    Q_OBJECT

private:
    std::optional<DeadlineCalculator> m_calculator;

    // A case received at `receivedAt` at the Shanghai branch with its deadlines computed.
    Case makeCase(
        const QDateTime &receivedAt, Complexity complexity = Complexity::General, const QDate &forwarderDue = {}) const
    {
        Case c;
        c.receivedAt = receivedAt;
        c.forwarding.dueDate = forwarderDue;
        c.deadlines = m_calculator->compute(c, shanghai(), complexity).deadlines;
        return c;
    }

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(":/casedesk/rules/time-limits.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto limits = TimeLimits::fromJson(
            QJsonDocument::fromJson(file.readAll()).object(), QStringLiteral("time-limits.json"));
        QVERIFY2(limits.ok(), qPrintable(limits ? QString() : limits.error().message));
        const auto calendar = WorkingDayCalendar::load(QStringLiteral(":/casedesk/calendars"));
        QVERIFY2(calendar.ok(), qPrintable(calendar ? QString() : calendar.error().message));
        m_calculator.emplace(*calendar, *limits);
    }

    void effectiveReceiptDate_data()
    {
        QTest::addColumn<QDateTime>("receivedAt");
        QTest::addColumn<QString>("timeZone");
        QTest::addColumn<QTime>("cutoff");
        QTest::addColumn<QDate>("expected");
        const QString sh = QStringLiteral("Asia/Shanghai");
        const QTime five(17, 0);
        QTest::newRow("Wed 16:59 before cut-off") << t("2026-03-04T16:59:00+08:00") << sh << five << d("2026-03-04");
        QTest::newRow("Wed 16:59:59 before cut-off") << t("2026-03-04T16:59:59+08:00") << sh << five << d("2026-03-04");
        QTest::newRow("Wed 17:00 at cut-off") << t("2026-03-04T17:00:00+08:00") << sh << five << d("2026-03-05");
        QTest::newRow("Wed 17:01 after cut-off") << t("2026-03-04T17:01:00+08:00") << sh << five << d("2026-03-05");
        QTest::newRow("Fri after cut-off → Mon") << t("2026-03-06T17:30:00+08:00") << sh << five << d("2026-03-09");
        QTest::newRow("ordinary Sat evening stays") << t("2026-03-07T18:00:00+08:00") << sh << five << d("2026-03-07");
        QTest::newRow("make-up Sat morning") << t("2026-02-14T10:00:00+08:00") << sh << five << d("2026-02-14");
        QTest::newRow("make-up Sat after cut-off → after Spring Festival")
            << t("2026-02-14T17:30:00+08:00") << sh << five << d("2026-02-24");
        QTest::newRow("holiday after cut-off stays") << t("2026-02-17T18:00:00+08:00") << sh << five << d("2026-02-17");
        QTest::newRow("2025 last day before National Day after cut-off")
            << t("2025-09-30T17:00:00+08:00") << sh << five << d("2025-10-09");
        QTest::newRow("New Year's Eve after cut-off → make-up Sun")
            << t("2025-12-31T17:05:00+08:00") << sh << five << d("2026-01-04");
        // 17:30 UTC is 01:30 the next morning in Shanghai: before the cut-off of a new day.
        QTest::newRow("UTC evening is next Shanghai morning")
            << t("2026-03-03T17:30:00Z") << sh << five << d("2026-03-04");
        // 01:30 Beijing time is 17:30 the day before in London (GMT in early March): after London's cut-off.
        QTest::newRow("London branch after its cut-off")
            << t("2026-03-04T01:30:00+08:00") << QStringLiteral("Europe/London") << five << d("2026-03-04");
        QTest::newRow("London branch before its cut-off")
            << t("2026-03-03T23:30:00+08:00") << QStringLiteral("Europe/London") << five << d("2026-03-03");
        QTest::newRow("custom cut-off 16:30, at 16:29")
            << t("2026-03-04T16:29:00+08:00") << sh << QTime(16, 30) << d("2026-03-04");
        QTest::newRow("custom cut-off 16:30, at 16:30")
            << t("2026-03-04T16:30:00+08:00") << sh << QTime(16, 30) << d("2026-03-05");
        QTest::newRow("no branch cut-off uses the rule pack's 17:00, 16:59")
            << t("2026-03-04T16:59:00+08:00") << sh << QTime() << d("2026-03-04");
        QTest::newRow("no branch cut-off uses the rule pack's 17:00, 17:00")
            << t("2026-03-04T17:00:00+08:00") << sh << QTime() << d("2026-03-05");
        QTest::newRow("unknown time zone uses the rule pack's Asia/Shanghai")
            << t("2026-03-04T09:30:00Z") << QStringLiteral("Mars/Olympus") << five << d("2026-03-05");
        QTest::newRow("not received") << QDateTime() << sh << five << QDate();
    }
    void effectiveReceiptDate()
    {
        QFETCH(QDateTime, receivedAt);
        QFETCH(QString, timeZone);
        QFETCH(QTime, cutoff);
        QFETCH(QDate, expected);
        Branch branch = shanghai();
        branch.timeZone = timeZone;
        branch.cutoff = cutoff;
        QCOMPARE(m_calculator->effectiveReceiptDate(receivedAt, branch), expected);
    }

    void compute_data()
    {
        QTest::addColumn<QDateTime>("receivedAt");
        QTest::addColumn<bool>("complex");
        QTest::addColumn<bool>("extended");
        QTest::addColumn<int>("statutoryExtensions");
        QTest::addColumn<QDate>("forwarderDue");
        QTest::addColumn<QDateTime>("dispatchedAt");
        QTest::addColumn<QDateTime>("resolvedAt");
        QTest::addColumn<QDate>("registerBy");
        QTest::addColumn<QDate>("contactBy");
        QTest::addColumn<QDate>("resolveBy");
        QTest::addColumn<QDate>("statutoryBy");
        QTest::addColumn<QDate>("visitBy");
        QTest::addColumn<QDate>("dueBy");
        QTest::addColumn<QList<int>>("fallbackYears");
        const QDate none;
        const QDateTime never;
        const QList<int> noFallback;
        QTest::newRow("general, ordinary week")
            << t("2026-03-04T10:00:00+08:00") << false << false << 0 << none << never << never //
            << d("2026-03-05") << none << d("2026-03-09") << d("2026-03-19") << none << d("2026-03-09") << noFallback;
        QTest::newRow("complex") << t("2026-03-04T10:00:00+08:00") << true << false << 0 << none << never << never //
                                 << d("2026-03-05") << none << d("2026-03-13") << d("2026-03-19") << none
                                 << d("2026-03-13") << noFallback;
        QTest::newRow("complex extended to 10")
            << t("2026-03-04T10:00:00+08:00") << true << true << 0 << none << never << never //
            << d("2026-03-05") << none << d("2026-03-18") << d("2026-03-19") << none << d("2026-03-18") << noFallback;
        // Effective date Mon 03-09; the statutory clock starts on Fri 03-06 and lands on Sat 03-21.
        QTest::newRow("Fri after cut-off")
            << t("2026-03-06T17:30:00+08:00") << false << false << 0 << none << never << never //
            << d("2026-03-10") << none << d("2026-03-12") << d("2026-03-23") << none << d("2026-03-12") << noFallback;
        QTest::newRow("general across Spring Festival 2026")
            << t("2026-02-12T10:00:00+08:00") << false << false << 0 << none << never << never //
            << d("2026-02-13") << none << d("2026-02-24") << d("2026-02-27") << none << d("2026-02-24") << noFallback;
        // Seven working days end on the make-up Sat 02-28, after the statutory 02-27, which governs.
        QTest::newRow("complex across Spring Festival: statutory governs")
            << t("2026-02-12T10:00:00+08:00") << true << false << 0 << none << never << never //
            << d("2026-02-13") << none << d("2026-02-28") << d("2026-02-27") << none << d("2026-02-27") << noFallback;
        QTest::newRow("extended across Spring Festival")
            << t("2026-02-12T10:00:00+08:00") << true << true << 0 << none << never << never //
            << d("2026-02-13") << none << d("2026-03-04") << d("2026-02-27") << none << d("2026-02-27") << noFallback;
        QTest::newRow("general across National Day 2025")
            << t("2025-09-29T09:00:00+08:00") << false << false << 0 << none << never << never //
            << d("2025-09-30") << none << d("2025-10-10") << d("2025-10-14") << none << d("2025-10-10") << noFallback;
        QTest::newRow("complex across National Day 2025")
            << t("2025-09-29T09:00:00+08:00") << true << false << 0 << none << never << never //
            << d("2025-09-30") << none << d("2025-10-15") << d("2025-10-14") << none << d("2025-10-14") << noFallback;
        // 09-16 + 15 days is 10-01, National Day: moved to the first working day after the holiday. The resolve
        // limit ends on the make-up Sunday 09-20.
        QTest::newRow("statutory 15 lands on National Day 2026")
            << t("2026-09-16T10:00:00+08:00") << false << false << 0 << none << never << never //
            << d("2026-09-17") << none << d("2026-09-20") << d("2026-10-08") << none << d("2026-09-20") << noFallback;
        QTest::newRow("statutory ignores the cut-off")
            << t("2026-09-16T18:00:00+08:00") << false << false << 0 << none << never << never //
            << d("2026-09-18") << none << d("2026-09-21") << d("2026-10-08") << none << d("2026-09-21") << noFallback;
        QTest::newRow("statutory extended to 30")
            << t("2026-09-16T10:00:00+08:00") << false << false << 1 << none << never << never //
            << d("2026-09-17") << none << d("2026-09-20") << d("2026-10-16") << none << d("2026-09-20") << noFallback;
        QTest::newRow("statutory extended to 60 lands on a Sunday")
            << t("2026-09-16T10:00:00+08:00") << false << false << 2 << none << never << never //
            << d("2026-09-17") << none << d("2026-09-20") << d("2026-11-16") << none << d("2026-09-20") << noFallback;
        QTest::newRow("statutory 15 in 2025 lands on National Day")
            << t("2025-09-16T10:00:00+08:00") << false << false << 0 << none << never << never //
            << d("2025-09-17") << none << d("2025-09-19") << d("2025-10-09") << none << d("2025-09-19") << noFallback;
        QTest::newRow("forwarder governs when earliest")
            << t("2026-03-04T10:00:00+08:00") << true << false << 0 << d("2026-03-10") << never << never //
            << d("2026-03-05") << none << d("2026-03-13") << d("2026-03-19") << none << d("2026-03-10") << noFallback;
        QTest::newRow("forwarder later than ours")
            << t("2026-03-04T10:00:00+08:00") << false << false << 0 << d("2026-03-31") << never << never //
            << d("2026-03-05") << none << d("2026-03-09") << d("2026-03-19") << none << d("2026-03-09") << noFallback;
        // Dispatched Thu after cut-off counts from Fri 03-06; resolved Mon 03-09 15:00.
        QTest::newRow("contact and visit") << t("2026-03-04T10:00:00+08:00") << false << false << 0 << none
                                           << t("2026-03-05T17:30:00+08:00") << t("2026-03-09T15:00:00+08:00") //
                                           << d("2026-03-05") << d("2026-03-11") << d("2026-03-09") << d("2026-03-19")
                                           << d("2026-03-16") << d("2026-03-09") << noFallback;
        QTest::newRow("visit across Spring Festival")
            << t("2026-02-10T10:00:00+08:00") << false << false << 0 << none << t("2026-02-11T09:00:00+08:00")
            << t("2026-02-13T11:00:00+08:00") //
            << d("2026-02-11") << d("2026-02-14") << d("2026-02-13") << d("2026-02-25") << d("2026-02-27")
            << d("2026-02-13") << noFallback;
        QTest::newRow("into 2027 without a calendar")
            << t("2026-12-29T10:00:00+08:00") << true << false << 0 << none << never << never //
            << d("2026-12-30") << none << d("2027-01-07") << d("2027-01-13") << none << d("2027-01-07")
            << QList<int> {2027};
    }
    void compute()
    {
        QFETCH(QDateTime, receivedAt);
        QFETCH(bool, complex);
        QFETCH(bool, extended);
        QFETCH(int, statutoryExtensions);
        QFETCH(QDate, forwarderDue);
        QFETCH(QDateTime, dispatchedAt);
        QFETCH(QDateTime, resolvedAt);
        QFETCH(QList<int>, fallbackYears);
        Case c;
        c.receivedAt = receivedAt;
        c.resolveExtended = extended;
        c.statutoryExtensions = statutoryExtensions;
        c.forwarding.dueDate = forwarderDue;
        c.dispatchedAt = dispatchedAt;
        c.resolvedAt = resolvedAt;
        const DeadlineResult result
            = m_calculator->compute(c, shanghai(), complex ? Complexity::Complex : Complexity::General);
        QTEST(result.deadlines.registerBy, "registerBy");
        QTEST(result.deadlines.contactBy, "contactBy");
        QTEST(result.deadlines.resolveBy, "resolveBy");
        QTEST(result.deadlines.statutoryBy, "statutoryBy");
        QCOMPARE(result.deadlines.forwarderBy, forwarderDue);
        QTEST(result.deadlines.visitBy, "visitBy");
        QTEST(result.deadlines.dueBy, "dueBy");
        QStringList expectedWarnings;
        for (int year : fallbackYears)
            expectedWarnings.append(m_calculator->calendar().fallbackWarning(year));
        QCOMPARE(result.warnings, expectedWarnings);
        for (const QString &warning : result.warnings)
            QVERIFY2(warning.contains(QStringLiteral("2027")), qPrintable(warning));
    }

    void unknownTimeZoneWarns()
    {
        Branch branch = shanghai();
        branch.timeZone = QStringLiteral("Mars/Olympus");
        Case c;
        c.receivedAt = t("2026-03-04T10:00:00+08:00");
        const DeadlineResult result = m_calculator->compute(c, branch, Complexity::General);
        QCOMPARE(result.deadlines.resolveBy, d("2026-03-09"));
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY2(result.warnings.first().contains(QStringLiteral("Mars/Olympus")), qPrintable(result.warnings.first()));
    }

    void dueState_data()
    {
        QTest::addColumn<QDateTime>("receivedAt");
        QTest::addColumn<bool>("complex");
        QTest::addColumn<QDate>("forwarderDue");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QDateTime>("dispatchedAt");
        QTest::addColumn<QDateTime>("firstContactAt");
        QTest::addColumn<QDateTime>("resolvedAt");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<bool>("overdue");
        QTest::addColumn<bool>("dueSoon");
        QTest::addColumn<QDate>("governingDate");
        QTest::addColumn<QString>("governingKind");
        QTest::addColumn<double>("shareUsed");
        const QDate none;
        const QDateTime never;
        // Received Wed 2026-03-04 10:00, general: register by Thu 03-05, resolve by Mon 03-09,
        // statutory 03-19. Dispatched Thu 03-05 10:00: contact by Tue 03-10. Resolved Mon 03-09 15:00:
        // visit by Mon 03-16.
        const QDateTime received = t("2026-03-04T10:00:00+08:00");
        const QDateTime dispatched = t("2026-03-05T10:00:00+08:00");
        const QDateTime contacted = t("2026-03-05T14:00:00+08:00");
        const QDateTime resolved = t("2026-03-09T15:00:00+08:00");
        const QString registerKind = QStringLiteral("register");
        const QString resolveKind = QStringLiteral("resolve");

        QTest::newRow("received, day of receipt")
            << received << false << none << QStringLiteral("received") << never << never << never
            << t("2026-03-04T15:00:00+08:00") << false << false << d("2026-03-05") << registerKind << 0.0;
        QTest::newRow("received, register due today")
            << received << false << none << QStringLiteral("received") << never << never << never
            << t("2026-03-05T23:59:59+08:00") << false << true << d("2026-03-05") << registerKind << 1.0;
        QTest::newRow("received, last second in Shanghai written in UTC")
            << received << false << none << QStringLiteral("received") << never << never << never
            << t("2026-03-05T15:59:59Z") << false << true << d("2026-03-05") << registerKind << 1.0;
        QTest::newRow("received, register passed at Shanghai midnight")
            << received << false << none << QStringLiteral("received") << never << never << never
            << t("2026-03-05T16:00:00Z") << true << false << d("2026-03-05") << registerKind << 2.0;
        QTest::newRow("registered, 1 of 3")
            << received << false << none << QStringLiteral("registered") << never << never << never
            << t("2026-03-05T10:00:00+08:00") << false << false << d("2026-03-09") << resolveKind << 1.0 / 3;
        QTest::newRow("registered, 2 of 3 on Saturday")
            << received << false << none << QStringLiteral("registered") << never << never << never
            << t("2026-03-07T10:00:00+08:00") << false << false << d("2026-03-09") << resolveKind << 2.0 / 3;
        QTest::newRow("registered, due today")
            << received << false << none << QStringLiteral("registered") << never << never << never
            << t("2026-03-09T18:00:00+08:00") << false << true << d("2026-03-09") << resolveKind << 1.0;
        QTest::newRow("registered, overdue")
            << received << false << none << QStringLiteral("registered") << never << never << never
            << t("2026-03-10T08:00:00+08:00") << true << false << d("2026-03-09") << resolveKind << 4.0 / 3;
        // Forwarding body's date Tue 03-10 is 4 working days after 03-04: 3 of 4 used on Mon 03-09 is 75%.
        QTest::newRow("forwarder, due soon at 75%")
            << received << true << d("2026-03-10") << QStringLiteral("in_progress") << dispatched << contacted << never
            << t("2026-03-09T09:00:00+08:00") << false << true << d("2026-03-10") << QStringLiteral("forwarder")
            << 0.75;
        QTest::newRow("forwarder, not yet at 50%")
            << received << true << d("2026-03-10") << QStringLiteral("in_progress") << dispatched << contacted << never
            << t("2026-03-06T09:00:00+08:00") << false << false << d("2026-03-10") << QStringLiteral("forwarder")
            << 0.5;
        QTest::newRow("dispatched, contact governs")
            << received << true << none << QStringLiteral("dispatched") << dispatched << never << never
            << t("2026-03-09T09:00:00+08:00") << false << false << d("2026-03-10") << QStringLiteral("contact")
            << 2.0 / 3;
        QTest::newRow("in progress, contact overdue")
            << received << true << none << QStringLiteral("in_progress") << dispatched << never << never
            << t("2026-03-11T09:00:00+08:00") << true << false << d("2026-03-10") << QStringLiteral("contact")
            << 4.0 / 3;
        QTest::newRow("in progress, contacted: complex 5 of 7")
            << received << true << none << QStringLiteral("in_progress") << dispatched << contacted << never
            << t("2026-03-11T09:00:00+08:00") << false << false << d("2026-03-13") << resolveKind << 5.0 / 7;
        QTest::newRow("in progress, contacted: complex 6 of 7")
            << received << true << none << QStringLiteral("in_progress") << dispatched << contacted << never
            << t("2026-03-12T09:00:00+08:00") << false << true << d("2026-03-13") << resolveKind << 6.0 / 7;
        // Resolved: only the visit counts, though the resolve date has long passed.
        QTest::newRow("resolved, visit 1 of 5")
            << received << false << none << QStringLiteral("resolved") << dispatched << contacted << resolved
            << t("2026-03-10T09:00:00+08:00") << false << false << d("2026-03-16") << QStringLiteral("visit") << 0.2;
        QTest::newRow("resolved, visit 4 of 5")
            << received << false << none << QStringLiteral("resolved") << dispatched << contacted << resolved
            << t("2026-03-13T09:00:00+08:00") << false << true << d("2026-03-16") << QStringLiteral("visit") << 0.8;
        QTest::newRow("resolved, visit overdue")
            << received << false << none << QStringLiteral("resolved") << dispatched << contacted << resolved
            << t("2026-03-20T09:00:00+08:00") << true << false << d("2026-03-16") << QStringLiteral("visit") << 1.8;
        for (const char *status : {"visited", "archived", "withdrawn"}) {
            QTest::addRow("%s, never overdue", status)
                << received << false << none << QString::fromLatin1(status) << dispatched << contacted << resolved
                << t("2026-06-01T09:00:00+08:00") << false << false << none << QString() << 0.0;
        }
        // Complex across Spring Festival 2026: statutory 02-27 governs and is measured in calendar days
        // from 02-12 (15 in all), although only 3 working days have passed by 02-24.
        QTest::newRow("statutory, 12 of 15 calendar days")
            << t("2026-02-12T10:00:00+08:00") << true << none << QStringLiteral("registered") << never << never << never
            << t("2026-02-24T09:00:00+08:00") << false << true << d("2026-02-27") << QStringLiteral("statutory") << 0.8;
        QTest::newRow("statutory, 11 of 15 calendar days")
            << t("2026-02-12T10:00:00+08:00") << true << none << QStringLiteral("registered") << never << never << never
            << t("2026-02-23T09:00:00+08:00") << false << false << d("2026-02-27") << QStringLiteral("statutory")
            << 11.0 / 15;
    }
    void dueState()
    {
        QFETCH(QDateTime, receivedAt);
        QFETCH(bool, complex);
        QFETCH(QDate, forwarderDue);
        QFETCH(QString, status);
        QFETCH(QDateTime, now);
        QFETCH(double, shareUsed);
        Case c;
        c.receivedAt = receivedAt;
        c.forwarding.dueDate = forwarderDue;
        QFETCH(QDateTime, dispatchedAt);
        QFETCH(QDateTime, firstContactAt);
        QFETCH(QDateTime, resolvedAt);
        c.dispatchedAt = dispatchedAt;
        c.firstContactAt = firstContactAt;
        c.resolvedAt = resolvedAt;
        const auto parsed = fromCode<CaseStatus>(status);
        QVERIFY(parsed.has_value());
        c.status = *parsed;
        c.deadlines
            = m_calculator->compute(c, shanghai(), complex ? Complexity::Complex : Complexity::General).deadlines;
        const DueState state = m_calculator->dueState(c, shanghai(), now);
        QTEST(state.overdue, "overdue");
        QTEST(state.dueSoon, "dueSoon");
        QTEST(state.governingDate, "governingDate");
        QTEST(state.governingKind, "governingKind");
        QVERIFY2(qAbs(state.shareUsed - shareUsed) < 1e-9,
            qPrintable(QStringLiteral("share %1, expected %2").arg(state.shareUsed).arg(shareUsed)));
    }

    void resolution_data()
    {
        QTest::addColumn<QDateTime>("receivedAt");
        QTest::addColumn<QDateTime>("resolvedAt");
        QTest::addColumn<bool>("onTime");
        QTest::addColumn<int>("workingDays");
        // Received Wed 03-04 10:00, general: due Mon 03-09.
        const QDateTime wednesday = t("2026-03-04T10:00:00+08:00");
        QTest::newRow("resolved on the due day") << wednesday << t("2026-03-09T16:00:00+08:00") << true << 3;
        QTest::newRow("resolved the day after") << wednesday << t("2026-03-10T09:00:00+08:00") << false << 4;
        // 16:30 UTC on 03-09 is already 00:30 on 03-10 in Shanghai.
        QTest::newRow("late by the branch's clock") << wednesday << t("2026-03-09T16:30:00Z") << false << 4;
        QTest::newRow("resolved the same day") << wednesday << t("2026-03-04T16:00:00+08:00") << true << 0;
        // Received Fri after cut-off (effective Mon 03-09) and resolved that evening: no working day used.
        QTest::newRow("resolved before the effective date")
            << t("2026-03-06T17:30:00+08:00") << t("2026-03-06T18:00:00+08:00") << true << 0;
        // General across Spring Festival: due 02-24; 02-13, the make-up 02-14 and 02-24 used.
        QTest::newRow("across Spring Festival")
            << t("2026-02-12T10:00:00+08:00") << t("2026-02-24T10:00:00+08:00") << true << 3;
        QTest::newRow("not resolved") << wednesday << QDateTime() << false << -1;
    }
    void resolution()
    {
        QFETCH(QDateTime, receivedAt);
        QFETCH(QDateTime, resolvedAt);
        Case c = makeCase(receivedAt);
        c.resolvedAt = resolvedAt;
        c.status = resolvedAt.isValid() ? CaseStatus::Resolved : CaseStatus::InProgress;
        QTEST(m_calculator->resolvedOnTime(c, shanghai()), "onTime");
        QTEST(m_calculator->handlingWorkingDays(c, shanghai()), "workingDays");
    }

    void forwarderDeadlineDecidesOnTime()
    {
        // The forwarding body wanted a reply by Fri 03-06, before our own Mon 03-09.
        Case c = makeCase(t("2026-03-04T10:00:00+08:00"), Complexity::General, d("2026-03-06"));
        QCOMPARE(c.deadlines.dueBy, d("2026-03-06"));
        c.resolvedAt = t("2026-03-09T10:00:00+08:00");
        QVERIFY(!m_calculator->resolvedOnTime(c, shanghai()));
        c.resolvedAt = t("2026-03-06T16:00:00+08:00");
        QVERIFY(m_calculator->resolvedOnTime(c, shanghai()));
    }
};

QTEST_GUILESS_MAIN(TestDeadlines)
#include "test_deadlines.moc"
