#include "fixtures/ReportFixture.h"
#include "report/EarlyWarning.h"
#include "report/KpiDefinitions.h"
#include "report/ReportDrillDown.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace casedesk;
using namespace casedesk::testing;
using namespace Qt::StringLiterals;

namespace {

const QVariant none; // a figure that is undefined (a rate over zero, a relative change from zero)

bool same(const QVariant &expected, std::optional<double> actual)
{
    if (!expected.isValid())
        return !actual.has_value();
    return actual.has_value() && std::abs(*actual - expected.toDouble()) < 1e-9;
}

// QVERIFY2 evaluates its message even when the check passes, so it must not call error() on success.
template<typename T>
QString failure(const Result<T> &result)
{
    return result ? QString() : result.error().code + QLatin1String(": ") + result.error().message;
}

QString show(std::optional<double> value)
{
    return value ? QString::number(*value, 'g', 12) : QStringLiteral("null");
}

qint64 countOf(const MonthlyReport &report, const QString &breakdown, const QString &code)
{
    const MonthlyReport::Breakdown *b = report.breakdown(breakdown);
    if (!b)
        return -1;
    for (const MonthlyReport::Row &row : b->rows) {
        if (row.code == code)
            return row.count;
    }
    return -2;
}

EarlyWarningRules warningRules(int months, double k, int minimum)
{
    return EarlyWarningRules::fromJson(
        {{QStringLiteral("version"), 1}, {QStringLiteral("baseline_months"), months},
            {QStringLiteral("sigma_multiplier"), k}, {QStringLiteral("minimum_count"), minimum},
            {QStringLiteral("dimensions"), QJsonArray {QStringLiteral("category"), QStringLiteral("branch")}}},
        QStringLiteral("test.json"))
        .value();
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ReportFixture> f;
    MonthlyReport march; // scope: head office (every branch), built-in warning rules

    MonthlyReport reportFor(const User &reader, const QString &month, const QString &branchId = {})
    {
        auto report = f->engine().compute(ReportMonth::parse(month).value(), branchId, f->access(reader));
        if (!report) {
            qWarning() << report.error().code << report.error().message;
            return {};
        }
        return report.value();
    }

private slots:
    void initTestCase()
    {
        f = std::make_unique<ReportFixture>();
        march = reportFor(f->manager, QStringLiteral("2026-03"));
        QCOMPARE(march.month, ReportMonth(2026, 3));
    }

    // Every headline KPI of March 2026 against February 2026 (环比) and March 2025 (同比), worked out by
    // hand from the table in ReportFixture.h.
    void kpis_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QVariant>("current");
        QTest::addColumn<QVariant>("previous");
        QTest::addColumn<QVariant>("lastYear");
        QTest::addColumn<QVariant>("mom");
        QTest::addColumn<QVariant>("yoy");
        // Received in local March: M1 (Feb 28 in UTC) M2 M3 M4 M5 M6 M7 M8 M11; not M9/M10 (March in UTC).
        // February: F1–F4; March 2025: Y1, Y2.
        QTest::newRow("received") << u"received"_s << QVariant(9.0) << QVariant(4.0) << QVariant(2.0)
                                  << QVariant(5.0 / 4) << QVariant(7.0 / 2);
        // Resolved in March: M1 M2 M5 M8 F3; not M3 (re-opened), M6 (2 April). February: F1 F2 F4. 2025: Y1.
        QTest::newRow("resolved") << u"resolved"_s << QVariant(5.0) << QVariant(3.0) << QVariant(1.0)
                                  << QVariant(2.0 / 3) << QVariant(4.0);
        // Open at the end of March: M3 M4 M6 M7 (M11 withdrawn). February: F3. March 2025: Y2.
        QTest::newRow("open_at_end") << u"open_at_end"_s << QVariant(4.0) << QVariant(1.0) << QVariant(1.0)
                                     << QVariant(3.0) << QVariant(3.0);
        // Overdue among them: M3 (due 03-16), M4 (03-13), M6 (03-31); M7 is due 04-10.
        QTest::newRow("overdue_open") << u"overdue_open"_s << QVariant(3.0) << QVariant(1.0) << QVariant(1.0)
                                      << QVariant(2.0) << QVariant(2.0);
        // On time: M1 M2 M5; late: M8 (31 March in London, due 30th), F3 (due 02-26). Feb 3/3, 2025 1/1.
        QTest::newRow("on_time_rate") << u"on_time_rate"_s << QVariant(3.0 / 5) << QVariant(1.0) << QVariant(1.0)
                                      << QVariant(3.0 / 5 - 1) << QVariant(3.0 / 5 - 1);
        // Visits recorded in March: M1 satisfied, M2 basically satisfied, M3 dissatisfied, M5 not reached.
        QTest::newRow("satisfaction_rate") << u"satisfaction_rate"_s << QVariant(2.0 / 3) << QVariant(1.0)
                                           << QVariant(1.0) << QVariant(2.0 / 3 - 1) << QVariant(2.0 / 3 - 1);
        // Repeats received in March: M3 (of E1), M5 (of M4).
        QTest::newRow("repeat_rate") << u"repeat_rate"_s << QVariant(2.0 / 9) << QVariant(0.0) << QVariant(0.0)
                                     << QVariant(2.0 / 9) << QVariant(2.0 / 9);
        // Working days: M1 7 (received Sunday 1st, resolved Tue 10th), M2 3 (after the 17:00 cut-off, counts
        // from Wed 4th), M5 2, M8 4 (25th → 31st London time), F3 6 (received on a holiday, 24th–2 March,
        // Sat 28 Feb worked). February: F1 3, F2 5, F4 3 (Spring Festival). March 2025: Y1 2.
        QTest::newRow("avg_handling_days") << u"avg_handling_days"_s << QVariant(22.0 / 5) << QVariant(11.0 / 3)
                                           << QVariant(2.0) << QVariant(22.0 / 5 - 11.0 / 3) << QVariant(22.0 / 5 - 2);
        // One extension (M3, 12 March); none before, so no relative change.
        QTest::newRow("extensions") << u"extensions"_s << QVariant(1.0) << QVariant(0.0) << QVariant(0.0) << none
                                    << none;
    }

    void kpis()
    {
        QFETCH(QString, code);
        QFETCH(QVariant, current);
        QFETCH(QVariant, previous);
        QFETCH(QVariant, lastYear);
        QFETCH(QVariant, mom);
        QFETCH(QVariant, yoy);
        const FigureDefinition *kpi = KpiDefinitions::find(code);
        QVERIFY(kpi);
        const auto now = KpiDefinitions::value(code, march.current);
        const auto before = KpiDefinitions::value(code, march.previous);
        const auto yearBefore = KpiDefinitions::value(code, march.lastYear);
        QVERIFY2(same(current, now), qPrintable(show(now)));
        QVERIFY2(same(previous, before), qPrintable(show(before)));
        QVERIFY2(same(lastYear, yearBefore), qPrintable(show(yearBefore)));
        QVERIFY2(same(mom, KpiDefinitions::change(*kpi, now, before)),
            qPrintable(show(KpiDefinitions::change(*kpi, now, before))));
        QVERIFY2(same(yoy, KpiDefinitions::change(*kpi, now, yearBefore)),
            qPrintable(show(KpiDefinitions::change(*kpi, now, yearBefore))));
    }

    // The cases behind each figure (the client's drill-down) are the ones the hand count above names.
    void drillDown_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("tags");
        QTest::newRow("received") << u"received"_s
                                  << QStringList {u"M1"_s, u"M2"_s, u"M3"_s, u"M4"_s, u"M5"_s, u"M6"_s, u"M7"_s,
                                         u"M8"_s, u"M11"_s};
        QTest::newRow("repeats") << u"repeat_rate"_s << QStringList {u"M3"_s, u"M5"_s};
        QTest::newRow("resolved") << u"resolved"_s << QStringList {u"F3"_s, u"M1"_s, u"M2"_s, u"M5"_s, u"M8"_s};
        QTest::newRow("on time: the resolved")
            << u"on_time_rate"_s << QStringList {u"F3"_s, u"M1"_s, u"M2"_s, u"M5"_s, u"M8"_s};
        QTest::newRow("open") << u"open_at_end"_s << QStringList {u"M3"_s, u"M4"_s, u"M6"_s, u"M7"_s};
        QTest::newRow("overdue") << u"overdue_open"_s << QStringList {u"M3"_s, u"M4"_s, u"M6"_s};
    }

    void drillDown()
    {
        QFETCH(QString, code);
        QFETCH(QStringList, tags);
        const auto query = ReportDrillDown(march).figure(code);
        QVERIFY(query);
        CaseQuery q = *query;
        q.limit = 100;
        auto page = f->store->listCases(q);
        QVERIFY(page);
        QStringList found;
        for (const Case &c : page->cases) {
            for (auto it = f->cases.cbegin(); it != f->cases.cend(); ++it) {
                if (it->id == c.id)
                    found.append(it.key());
            }
        }
        found.sort();
        tags.sort();
        QCOMPARE(found, tags);
    }

    void drillDownOfEventsAndWarnings()
    {
        QVERIFY(!ReportDrillDown(march).figure(u"extensions"_s));
        EarlyWarning warning;
        warning.dimension = u"branch"_s;
        warning.code = f->sz02.id;
        const auto query = ReportDrillDown(march).warning(warning);
        QVERIFY(query);
        QCOMPARE(f->store->countCases(*query).value(), 2); // M6, M7
        warning.dimension = u"category"_s;
        warning.code = u"service_attitude"_s;
        QCOMPARE(f->store->countCases(*ReportDrillDown(march).warning(warning)).value(), 2); // M2, M8
    }

    void numeratorsAndDenominators()
    {
        const MonthlyReport::Figures &m = march.current;
        QCOMPARE(m.resolvedOnTime, 3);
        QCOMPARE(m.visitsReached, 3);
        QCOMPARE(m.visitsSatisfied, 2);
        QCOMPARE(m.repeats, 2);
        QCOMPARE(m.handlingDays, 22);
        QCOMPARE(m.handlingCases, 5);
        QVERIFY(!march.partial);
        QCOMPARE(march.asOf, ReportFixture::cst(2026, 4, 1, 0, 0).toUTC());
        QCOMPARE(march.organisation, f->head.name);
        QCOMPARE(march.preparedBy, f->manager.name);
    }

    // The SQL rule for "on time" must agree with DeadlineCalculator::resolvedOnTime case by case.
    void onTimeAgreesWithDeadlineCalculator()
    {
        const DeadlineCalculator &deadlines = f->rules->deadlines();
        const QList<Branch> branches = f->store->branches().value();
        int resolved = 0;
        int onTime = 0;
        for (const Case &c : std::as_const(f->cases)) {
            const Branch branch = *std::find_if(
                branches.cbegin(), branches.cend(), [&](const Branch &b) { return b.id == c.branchId; });
            if (ReportMonth::of(deadlines.localDate(c.resolvedAt, branch)) != ReportMonth(2026, 3))
                continue;
            ++resolved;
            onTime += deadlines.resolvedOnTime(c, branch) ? 1 : 0;
        }
        QCOMPARE(resolved, int(march.current.resolved));
        QCOMPARE(onTime, int(march.current.resolvedOnTime));
    }

    void trend()
    {
        QCOMPARE(march.trend.size(), 12);
        QCOMPARE(march.trend.first().month, ReportMonth(2025, 4));
        QCOMPARE(march.trend.last().month, ReportMonth(2026, 3));
        QCOMPARE(march.trend.first().resolved, 1); // Y2, resolved 15 April 2025
        QCOMPARE(march.trend.at(9).received, 1); // January 2026: E1
        QCOMPARE(march.trend.at(9).resolved, 1);
        QCOMPARE(march.trend.at(10).received, 4); // February 2026
        QCOMPARE(march.trend.at(11).received, 9);
        for (int i = 1; i < 9; ++i)
            QCOMPARE(march.trend.at(i).received, 0);
    }

    void breakdowns_data()
    {
        QTest::addColumn<QString>("breakdown");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("count");
        QTest::newRow("category work_error") << u"category"_s << u"work_error"_s << qint64(3);
        QTest::newRow("category service_attitude") << u"category"_s << u"service_attitude"_s << qint64(2);
        QTest::newRow("category product") << u"category"_s << u"product"_s << qint64(4);
        QTest::newRow("category channel") << u"category"_s << u"channel"_s << qint64(0);
        QTest::newRow("group service_quality") << u"statistics_group"_s << u"service_quality"_s << qint64(5);
        QTest::newRow("group product") << u"statistics_group"_s << u"product"_s << qint64(4);
        QTest::newRow("channel online") << u"channel"_s << u"online"_s << qint64(3);
        QTest::newRow("channel phone") << u"channel"_s << u"phone"_s << qint64(2);
        QTest::newRow("channel walk_in") << u"channel"_s << u"walk_in"_s << qint64(3);
        QTest::newRow("channel letter") << u"channel"_s << u"letter"_s << qint64(1);
        QTest::newRow("channel media") << u"channel"_s << u"media"_s << qint64(0);
        QTest::newRow("priority urgent") << u"priority"_s << u"urgent"_s << qint64(0);
        QTest::newRow("priority high") << u"priority"_s << u"high"_s << qint64(3);
        QTest::newRow("priority normal") << u"priority"_s << u"normal"_s << qint64(6);
        QTest::newRow("A front office") << u"axis_channel"_s << u"front_office"_s << qint64(9);
        QTest::newRow("A electronic") << u"axis_channel"_s << u"electronic"_s << qint64(5);
        QTest::newRow("A mobile app") << u"axis_channel"_s << u"mobile_app"_s << qint64(3);
        QTest::newRow("A premises") << u"axis_channel"_s << u"premises"_s << qint64(3);
        QTest::newRow("A other front") << u"axis_channel"_s << u"other_front"_s << qint64(1);
        QTest::newRow("A back office") << u"axis_channel"_s << u"back_office"_s << qint64(0);
        QTest::newRow("B wealth") << u"axis_business"_s << u"own_wealth_management"_s << qint64(2);
        QTest::newRow("B payment") << u"axis_business"_s << u"payment_settlement"_s << qint64(2);
        QTest::newRow("B loans") << u"axis_business"_s << u"loans"_s << qint64(1);
        QTest::newRow("B other") << u"axis_business"_s << u"other"_s << qint64(1);
        QTest::newRow("C disclosure") << u"axis_cause"_s << u"information_disclosure"_s << qint64(2);
        QTest::newRow("C attitude") << u"axis_cause"_s << u"service_attitude_quality"_s << qint64(2);
        QTest::newRow("C unconfirmed") << u"axis_cause"_s << u"unclassified"_s << qint64(3);
        QTest::newRow("branch HO") << u"branch"_s << f->head.id << qint64(0);
        QTest::newRow("branch SH01") << u"branch"_s << f->sh01.id << qint64(5);
        QTest::newRow("branch SH11") << u"branch"_s << f->sh11.id << qint64(1);
        QTest::newRow("branch SZ02") << u"branch"_s << f->sz02.id << qint64(2);
        QTest::newRow("branch LN01") << u"branch"_s << f->ln01.id << qint64(1);
    }

    void breakdowns()
    {
        QFETCH(QString, breakdown);
        QFETCH(QString, code);
        QFETCH(qint64, count);
        QCOMPARE(countOf(march, breakdown, code), count);
        // Every distribution adds up to the month's complaints.
        QCOMPARE(march.breakdown(breakdown)->total, 9);
    }

    void branchRowsFollowTheTree()
    {
        QStringList codes;
        QList<int> depths;
        for (const MonthlyReport::Row &row : march.breakdown(QStringLiteral("branch"))->rows) {
            codes.append(row.regCode);
            depths.append(row.depth);
        }
        QCOMPARE(codes, (QStringList {u"HO"_s, u"LN01"_s, u"SH01"_s, u"SH11"_s, u"SZ02"_s}));
        QCOMPARE(depths, (QList<int> {0, 1, 1, 2, 1}));
    }

    void topCauses()
    {
        QStringList codes;
        for (const MonthlyReport::Row &row : march.topCauses)
            codes.append(row.code + QLatin1Char('=') + QString::number(row.count));
        // Ties keep the order of the taxonomy's cause axis (service attitude comes before disclosure).
        QCOMPARE(codes,
            (QStringList {u"service_attitude_quality=2"_s, u"information_disclosure=2"_s, u"rules_processes=1"_s,
                u"pricing_fees=1"_s}));
    }

    void handlers()
    {
        QStringList rows;
        for (const MonthlyReport::Handler &h : march.handlers) {
            rows.append(QStringLiteral("%1 resolved=%2 on_time=%3 days=%4 reached=%5 satisfied=%6 open=%7 overdue=%8")
                            .arg(h.userId.isEmpty() ? u"-"_s : h.name)
                            .arg(h.resolved)
                            .arg(h.resolvedOnTime)
                            .arg(h.handlingDays)
                            .arg(h.visitsReached)
                            .arg(h.visitsSatisfied)
                            .arg(h.openAtEnd)
                            .arg(h.overdueAtEnd));
        }
        QCOMPARE(rows,
            (QStringList {// M2 (3 days), M5 (2), F3 (6, late); visits M2 reached, M5 not; M4 open and overdue.
                u"handler resolved=3 on_time=2 days=11 reached=1 satisfied=1 open=1 overdue=1"_s,
                // M8, late, 4 days.
                u"ln.handler resolved=1 on_time=0 days=4 reached=0 satisfied=0 open=0 overdue=0"_s,
                // M1 (7 days); visits M1 satisfied, M3 dissatisfied; M3 open and overdue.
                u"product resolved=1 on_time=1 days=7 reached=2 satisfied=1 open=1 overdue=1"_s,
                // M6: resolved in April, so open and overdue at the end of March.
                u"sz.handler resolved=0 on_time=0 days=0 reached=0 satisfied=0 open=1 overdue=1"_s,
                // M7 has nobody assigned yet.
                u"- resolved=0 on_time=0 days=0 reached=0 satisfied=0 open=1 overdue=0"_s}));
        QCOMPARE(march.handlers.first().branchCode, u"SH01"_s);
    }

    void repeatAndEscalatedLists()
    {
        QCOMPARE(march.repeats.total, 2);
        QCOMPARE(march.repeats.cases.size(), 2);
        QCOMPARE(march.repeats.cases.at(0).number, f->cases[u"M3"_s].number);
        QCOMPARE(march.repeats.cases.at(0).relatedNumber, f->cases[u"E1"_s].number);
        QCOMPARE(march.repeats.cases.at(1).number, f->cases[u"M5"_s].number);
        QCOMPARE(march.repeats.cases.at(1).relatedNumber, f->cases[u"M4"_s].number);
        QCOMPARE(march.repeats.cases.at(1).branchCode, u"SH11"_s);
        QCOMPARE(march.escalated.total, 1);
        QCOMPARE(march.escalated.cases.size(), 1);
        QCOMPARE(march.escalated.cases.at(0).number, f->cases[u"M5"_s].number);
        QCOMPARE(march.escalated.cases.at(0).reason, u"客户称将向媒体反映"_s);
        QCOMPARE(march.escalated.cases.at(0).eventAt, ReportFixture::cst(2026, 3, 17, 15, 0));
    }

    void listsAreLimitedButTotalsAreNot()
    {
        MonthlyReportEngine::Options options;
        options.listLimit = 1;
        MonthlyReportEngine engine(*f->store, f->rules, EarlyWarningRules::load().value(), f->clock, options);
        auto report = engine.computeForBranch(ReportMonth(2026, 3), f->head.id, u"test"_s);
        QVERIFY(report);
        QCOMPARE(report->repeats.total, 2);
        QCOMPARE(report->repeats.cases.size(), 1);
        QCOMPARE(report->repeats.cases.first().number, f->cases[u"M3"_s].number);
    }

    void correctiveActions()
    {
        // CA2 and CA3 raised in March, CA1 done on 10 March; open at the end: CA2 (due 25 March: overdue), CA3.
        QCOMPARE(march.corrective.raised, 2);
        QCOMPARE(march.corrective.done, 1);
        QCOMPARE(march.corrective.openAtEnd, 2);
        QCOMPARE(march.corrective.overdueAtEnd, 1);
        QStringList titles;
        for (const CorrectiveAction &a : march.corrective.actions)
            titles.append(a.title);
        QCOMPARE(titles, (QStringList {u"CA1"_s, u"CA2"_s, u"CA3"_s})); // not CA4 (done in Feb), CA5 (April)
        // The owner is a handling unit, named in the report rather than shown as its code.
        QCOMPARE(march.corrective.ownerNames.value(u"branch_office"_s).text(u"en"), u"Branch office"_s);
    }

    // With the shipped rules (6 months, k = 2, at least 5): only SH01 (5 in March; baseline 0 0 0 0 1 4).
    void earlyWarningWithShippedRules()
    {
        QCOMPARE(march.warningRules.baselineMonths(), 6);
        QCOMPARE(march.warningRules.sigmaMultiplier(), 2.0);
        QCOMPARE(march.warningRules.minimumCount(), 5);
        QCOMPARE(march.warnings.size(), 1);
        const EarlyWarning &w = march.warnings.first();
        QCOMPARE(w.dimension, u"branch"_s);
        QCOMPARE(w.code, f->sh01.id);
        QCOMPARE(w.count, 5);
        QCOMPARE(w.baseline, (QList<qint64> {0, 0, 0, 0, 1, 4}));
        QCOMPARE(w.mean, 5.0 / 6);
        // σ² = (4·(5/6)² + (1/6)² + (19/6)²) / 6 = 462/216
        QCOMPARE(w.sigma, std::sqrt(462.0 / 216));
        QCOMPARE(w.threshold, 5.0 / 6 + 2 * std::sqrt(462.0 / 216));
    }

    // A lower minimum (3) also flags product (4 against 0 0 0 0 1 2) and work error (3 against
    // 0 0 0 0 0 1), but not service attitude (2, below the minimum) nor SZ02 (2).
    void earlyWarningWithConfiguredRules()
    {
        auto report = f->engine(warningRules(6, 2, 3)).compute(ReportMonth(2026, 3), {}, f->access(f->manager));
        QVERIFY(report);
        QStringList flagged;
        for (const EarlyWarning &w : report->warnings)
            flagged.append(w.dimension + QLatin1Char(':') + (w.dimension == u"branch"_s ? w.name.zh : w.code));
        QCOMPARE(flagged, (QStringList {u"category:work_error"_s, u"category:product"_s, u"branch:上海分行营业部"_s}));
        const EarlyWarning &product = report->warnings.at(1);
        QCOMPARE(product.baseline, (QList<qint64> {0, 0, 0, 0, 1, 2}));
        QCOMPARE(product.mean, 0.5);
        QCOMPARE(product.sigma, std::sqrt(3.5 / 6));
        // With k = 3 product's threshold is 0.5 + 3·0.7638 = 2.79 < 4: still flagged; work error's
        // 1/6 + 3·0.3727 = 1.28 < 3: still flagged. k = 5: product 4.32 > 4, work error 2.03 < 3.
        auto strict = f->engine(warningRules(6, 5, 3)).compute(ReportMonth(2026, 3), {}, f->access(f->manager));
        QVERIFY(strict);
        flagged.clear();
        for (const EarlyWarning &w : strict->warnings)
            flagged.append(w.dimension + QLatin1Char(':') + (w.dimension == u"branch"_s ? w.name.zh : w.code));
        QCOMPARE(flagged, (QStringList {u"category:work_error"_s}));
    }

    void earlyWarningJudge_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::addColumn<QList<qint64>>("baseline");
        QTest::addColumn<bool>("flagged");
        QTest::addColumn<double>("threshold");
        // mean 10, σ 0: anything above 10 (and ≥ 5) is flagged
        QTest::newRow("flat baseline, above") << qint64(11) << QList<qint64> {10, 10, 10, 10, 10, 10} << true << 10.0;
        QTest::newRow("flat baseline, equal") << qint64(10) << QList<qint64> {10, 10, 10, 10, 10, 10} << false << 10.0;
        // mean 4, σ 2 (values 2 and 6): threshold 8
        QTest::newRow("at threshold") << qint64(8) << QList<qint64> {2, 6, 2, 6, 2, 6} << false << 8.0;
        QTest::newRow("above threshold") << qint64(9) << QList<qint64> {2, 6, 2, 6, 2, 6} << true << 8.0;
        // below the minimum count of 5, however sudden
        QTest::newRow("below minimum") << qint64(4) << QList<qint64> {0, 0, 0, 0, 0, 0} << false << 0.0;
        QTest::newRow("new at minimum") << qint64(5) << QList<qint64> {0, 0, 0, 0, 0, 0} << true << 0.0;
    }

    void earlyWarningJudge()
    {
        QFETCH(qint64, count);
        QFETCH(QList<qint64>, baseline);
        QFETCH(bool, flagged);
        QFETCH(double, threshold);
        const auto flag = EarlyWarning::judge(count, baseline, warningRules(6, 2, 5));
        QCOMPARE(flag.has_value(), flagged);
        if (flag)
            QCOMPARE(flag->threshold, threshold);
    }

    // A supervisor of SH01 sees SH01 and SH11 only.
    void subBranchReaderSeesOnlyTheirSubtree()
    {
        const MonthlyReport report = reportFor(f->supervisor, QStringLiteral("2026-03"));
        QCOMPARE(report.scope.id, f->sh01.id);
        QCOMPARE(QSet<QString>(report.branchIds.cbegin(), report.branchIds.cend()),
            (QSet<QString> {f->sh01.id, f->sh11.id}));
        // M1 M2 M3 M4 M5 M11 received; M1 M2 M5 F3 resolved, 3 on time; M3 M4 open and overdue.
        QCOMPARE(report.current.received, 6);
        QCOMPARE(report.current.repeats, 2);
        QCOMPARE(report.current.resolved, 4);
        QCOMPARE(report.current.resolvedOnTime, 3);
        QCOMPARE(report.current.openAtEnd, 2);
        QCOMPARE(report.current.overdueAtEnd, 2);
        QCOMPARE(report.current.visitsReached, 3);
        QCOMPARE(report.current.visitsSatisfied, 2);
        QCOMPARE(report.current.handlingDays, 18); // 7 + 3 + 2 + 6
        QCOMPARE(report.corrective.raised, 1); // CA2; CA3 is SZ02's
        QCOMPARE(report.breakdown(u"branch"_s)->rows.size(), 2);
        for (const MonthlyReport::Handler &h : report.handlers)
            QVERIFY2(h.userId != f->szHandler.id && h.userId != f->lnHandler.id, qPrintable(h.name));
    }

    // With every branch in one time zone the whole-bank report skips the per-branch filters (one slice
    // holding every branch). London moved to Shanghai time changes only M8's handling time: received
    // 25 March 18:00 in Shanghai, after the cut-off, it counts from the 26th: 27, 30, 31 = 3 days.
    void wholeBankInOneTimeZone()
    {
        ReportFixture one;
        one.ln01.timeZone = u"Asia/Shanghai"_s;
        QVERIFY(one.store->saveBranch(one.ln01));
        auto report = one.engine().compute(ReportMonth(2026, 3), {}, one.access(one.manager));
        QVERIFY2(report, qPrintable(failure(report)));
        const MonthlyReport::Figures &m = report->current;
        QCOMPARE(m.received, 9);
        QCOMPARE(m.repeats, 2);
        QCOMPARE(m.resolved, 5);
        QCOMPARE(m.resolvedOnTime, 3);
        QCOMPARE(m.visitsReached, 3);
        QCOMPARE(m.visitsSatisfied, 2);
        QCOMPARE(m.extensions, 1);
        QCOMPARE(m.openAtEnd, 4);
        QCOMPARE(m.overdueAtEnd, 3);
        QCOMPARE(m.handlingDays, 21);
        QCOMPARE(report->previous.visitsReached, 2);
        QCOMPARE(report->lastYear.visitsSatisfied, 1);
        QCOMPARE(report->escalated.total, 1);
        qint64 reached = 0;
        for (const MonthlyReport::Handler &h : report->handlers)
            reached += h.visitsReached;
        QCOMPARE(reached, 3);
    }

    void scopeAndPermissions_data()
    {
        QTest::addColumn<QString>("reader");
        QTest::addColumn<QString>("branch");
        QTest::addColumn<QString>("error");
        QTest::addColumn<qint64>("received");
        QTest::newRow("manager, whole bank") << u"manager"_s << u"HO"_s << QString() << qint64(9);
        QTest::newRow("manager, SZ02") << u"manager"_s << u"SZ02"_s << QString() << qint64(2);
        QTest::newRow("manager, SH01 subtree") << u"manager"_s << u"SH01"_s << QString() << qint64(6);
        QTest::newRow("auditor, London") << u"auditor"_s << u"LN01"_s << QString() << qint64(1);
        QTest::newRow("SH01 supervisor, SH11") << u"supervisor"_s << u"SH11"_s << QString() << qint64(1);
        QTest::newRow("SH01 supervisor, head office") << u"supervisor"_s << u"HO"_s << u"not_found"_s << qint64(0);
        QTest::newRow("SH01 supervisor, SZ02") << u"supervisor"_s << u"SZ02"_s << u"not_found"_s << qint64(0);
        QTest::newRow("SZ02 supervisor, own") << u"sz.supervisor"_s << u"SZ02"_s << QString() << qint64(2);
        QTest::newRow("handler") << u"handler"_s << u"SH01"_s << u"forbidden"_s << qint64(0);
        QTest::newRow("reception") << u"reception"_s << u"SH01"_s << u"forbidden"_s << qint64(0);
        QTest::newRow("admin") << u"admin"_s << u"HO"_s << u"forbidden"_s << qint64(0);
    }

    void scopeAndPermissions()
    {
        QFETCH(QString, reader);
        QFETCH(QString, branch);
        QFETCH(QString, error);
        QFETCH(qint64, received);
        const User user = f->store->findUserByLogin(reader).value().value();
        const Branch b = f->store->findBranchByCode(branch).value().value();
        auto report = f->engine().compute(ReportMonth(2026, 3), b.id, f->access(user));
        if (!error.isEmpty()) {
            QVERIFY(!report);
            QCOMPARE(report.error().code, error);
            return;
        }
        QVERIFY2(report, qPrintable(failure(report)));
        QCOMPARE(report->current.received, received);
    }

    void emptyMonth()
    {
        const MonthlyReport report = reportFor(f->manager, QStringLiteral("2025-10"));
        QCOMPARE(report.month, ReportMonth(2025, 10));
        QCOMPARE(report.current.received, 0);
        QCOMPARE(report.current.resolved, 0);
        QCOMPARE(report.current.openAtEnd, 0);
        QVERIFY(report.current.stockMeasured);
        for (const QString &rate :
            {u"on_time_rate"_s, u"satisfaction_rate"_s, u"repeat_rate"_s, u"avg_handling_days"_s})
            QVERIFY2(!KpiDefinitions::value(rate, report.current), qPrintable(rate));
        QVERIFY(report.warnings.isEmpty());
        QVERIFY(report.repeats.cases.isEmpty());
        QVERIFY(report.escalated.cases.isEmpty());
        QVERIFY(report.handlers.isEmpty());
        QVERIFY(report.topCauses.isEmpty());
        QCOMPARE(report.trend.size(), 12);
        QCOMPARE(report.breakdown(u"category"_s)->total, 0);
        // March 2025 is in the trend of October 2025.
        QCOMPARE(report.trend.at(4).month, ReportMonth(2025, 3));
        QCOMPARE(report.trend.at(4).received, 2);
        // The JSON of an empty month has nulls where a rate is undefined.
        const QJsonObject json = report.toJson();
        for (const QJsonValue &kpi : json.value(u"kpis"_s).toArray()) {
            if (kpi[u"code"_s].toString() == u"on_time_rate"_s)
                QVERIFY(kpi[u"current"_s].isNull());
        }
    }

    // February 2026: the Spring Festival (15–23 Feb) and the make-up Saturday (14 Feb) inside the month.
    void monthSpanningTheSpringFestival()
    {
        const MonthlyReport feb = reportFor(f->manager, QStringLiteral("2026-02"));
        QCOMPARE(feb.current.received, 4); // F1–F4; M1 is 28 Feb in UTC but 1 March in Shanghai
        QCOMPARE(feb.current.resolved, 3); // F1 F2 F4
        QCOMPARE(feb.current.resolvedOnTime, 3);
        // F1: 12 Feb → 24 Feb counts 13, 14 (make-up Saturday) and 24 = 3 working days, not 8.
        // F2: 13 Feb → 27 Feb: 14, 24, 25, 26, 27 = 5. F4: received on the 20th (a holiday) → 26th: 24–26 = 3.
        QCOMPARE(feb.current.handlingDays, 11);
        QCOMPARE(*KpiDefinitions::value(u"avg_handling_days"_s, feb.current), 11.0 / 3);
        QCOMPARE(feb.current.openAtEnd, 1); // F3, resolved 2 March
        QCOMPARE(feb.current.overdueAtEnd, 1);
        QCOMPARE(feb.previous.month, ReportMonth(2026, 1));
        QCOMPARE(feb.previous.received, 1); // E1
        QCOMPARE(feb.previous.handlingDays, 4); // E1: 20 → 26 January: 21, 22, 23, 26
    }

    // The shipped calendars cover 2025 and 2026; a report reaching back into 2024 says how it counted.
    void notesNameYearsWithoutACalendar()
    {
        QVERIFY(march.notes.isEmpty());
        const MonthlyReport report = reportFor(f->manager, QStringLiteral("2025-03"));
        QCOMPARE(report.notes.size(), 1);
        QVERIFY(report.notes.first().zh.contains(u"2024年"_s));
        QVERIFY(report.notes.first().en.contains(u"2024"_s));
    }

    void runningMonthIsPartial()
    {
        ReportFixture running;
        running.clock.set(ReportFixture::cst(2026, 3, 20, 12, 0));
        auto report = running.engine().compute(ReportMonth(2026, 3), {}, running.access(running.manager));
        QVERIFY(report);
        QVERIFY(report->partial);
        QCOMPARE(report->asOf, ReportFixture::cst(2026, 3, 20, 12, 0).toUTC());
        // As of the 20th at noon: M3 and M4 are open, both past their due dates (16th, 13th).
        QCOMPARE(report->current.openAtEnd, 2);
        QCOMPARE(report->current.overdueAtEnd, 2);
    }

    void monthNotBegun()
    {
        auto report = f->engine().compute(ReportMonth(2026, 5), {}, f->access(f->manager));
        QVERIFY(!report);
        QCOMPARE(report.error().code, u"invalid_month"_s);
    }

    void parseMonth_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("2026-03") << u"2026-03"_s << true;
        QTest::newRow("padded") << u" 2026-12 "_s << true;
        QTest::newRow("month 13") << u"2026-13"_s << false;
        QTest::newRow("month 0") << u"2026-00"_s << false;
        QTest::newRow("one digit") << u"2026-3"_s << false;
        QTest::newRow("short year") << u"26-03"_s << false;
        QTest::newRow("a date") << u"2026-03-01"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void parseMonth()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto month = ReportMonth::parse(text);
        QCOMPARE(month.ok(), valid);
        if (!valid) {
            QCOMPARE(month.error().code, u"invalid_month"_s);
            QCOMPARE(month.error().details.value(u"field"_s).toString(), u"month"_s);
        }
    }

    void monthBoundariesFollowTheZone()
    {
        const ReportMonth april(2026, 4);
        QCOMPARE(april.start(QTimeZone("Asia/Shanghai")), QDateTime(QDate(2026, 3, 31), QTime(16, 0), Qt::UTC));
        QCOMPARE(april.start(QTimeZone("Europe/London")), QDateTime(QDate(2026, 3, 31), QTime(23, 0), Qt::UTC));
        QCOMPARE(ReportMonth(2026, 1).addMonths(-2), ReportMonth(2025, 11));
        QCOMPARE(ReportMonth(2026, 12).addMonths(1), ReportMonth(2027, 1));
        QCOMPARE(ReportMonth(2026, 3).label(u"zh_CN"), u"2026年3月"_s);
        QCOMPARE(ReportMonth(2026, 3).label(u"en"), u"March 2026"_s);
    }

    void json()
    {
        const QJsonObject json = march.toJson();
        QCOMPARE(json.value(u"month"_s).toString(), u"2026-03"_s);
        QCOMPARE(json.value(u"scope"_s)[u"code"_s].toString(), u"HO"_s);
        const QJsonArray kpis = json.value(u"kpis"_s).toArray();
        QCOMPARE(kpis.size(), KpiDefinitions::kpis().size());
        for (const QJsonValue &kpi : kpis) {
            const QString code = kpi[u"code"_s].toString();
            QVERIFY2(same(kpi[u"current"_s].toVariant(), KpiDefinitions::value(code, march.current)), qPrintable(code));
            QVERIFY(kpi[u"name"_s][u"zh"_s].toString().size() > 1);
        }
        QCOMPARE(kpis.at(0)[u"code"_s].toString(), u"received"_s);
        QCOMPARE(kpis.at(0)[u"current"_s].toDouble(), 9.0);
        QCOMPARE(kpis.at(0)[u"mom"_s].toDouble(), 1.25);
        QCOMPARE(json.value(u"figures"_s)[u"current"_s][u"on_time_rate"_s].toDouble(), 0.6);
        QCOMPARE(json.value(u"trend"_s).toArray().size(), 12);
        QCOMPARE(json.value(u"breakdowns"_s)[u"category"_s][u"total"_s].toInt(), 9);
        QCOMPARE(json.value(u"repeats"_s)[u"total"_s].toInt(), 2);
        QCOMPARE(json.value(u"early_warning"_s)[u"flags"_s].toArray().size(), 1);
        QCOMPARE(json.value(u"definitions"_s).toArray().size(),
            KpiDefinitions::kpis().size() + KpiDefinitions::others().size());
        QCOMPARE(json.value(u"as_of"_s).toString(), u"2026-04-01T00:00:00.000+08:00"_s);
    }

    void definitionsAreComplete()
    {
        QSet<QString> codes;
        for (const QList<FigureDefinition> *list : {&KpiDefinitions::kpis(), &KpiDefinitions::others()}) {
            for (const FigureDefinition &d : *list) {
                QVERIFY2(!codes.contains(d.code), qPrintable(d.code));
                codes.insert(d.code);
                QVERIFY2(!d.name.zh.isEmpty() && !d.name.en.isEmpty(), qPrintable(d.code));
                QVERIFY2(d.definition.zh.size() > 10 && d.definition.en.size() > 20, qPrintable(d.code));
            }
        }
        // Every KPI the engine fills has a definition with a value function.
        for (const FigureDefinition &kpi : KpiDefinitions::kpis())
            QVERIFY2(KpiDefinitions::value(kpi.code, march.current).has_value(), qPrintable(kpi.code));
    }

    void warningRulesFile_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("too many months") << QByteArray(R"({"version":1,"baseline_months":13,"sigma_multiplier":2,
            "minimum_count":5,"dimensions":["category"]})")
                                         << u"baseline_months"_s;
        QTest::newRow("negative k") << QByteArray(R"({"version":1,"baseline_months":6,"sigma_multiplier":-1,
            "minimum_count":5,"dimensions":["category"]})")
                                    << u"sigma_multiplier"_s;
        QTest::newRow("zero minimum") << QByteArray(R"({"version":1,"baseline_months":6,"sigma_multiplier":2,
            "minimum_count":0,"dimensions":["category"]})")
                                      << u"minimum_count"_s;
        QTest::newRow("unknown dimension") << QByteArray(R"({"version":1,"baseline_months":6,"sigma_multiplier":2,
            "minimum_count":5,"dimensions":["product"]})")
                                           << u"dimensions"_s;
        QTest::newRow("missing k") << QByteArray(R"({"version":1,"baseline_months":6,
            "minimum_count":5,"dimensions":["branch"]})")
                                   << u"sigma_multiplier"_s;
        QTest::newRow("unknown key") << QByteArray(R"({"version":1,"baseline_months":6,"sigma_multiplier":2,
            "minimum_count":5,"dimensions":["branch"],"sigma":3})")
                                     << u"sigma"_s;
        QTest::newRow("good") << QByteArray(R"({"version":1,"baseline_months":3,"sigma_multiplier":1.5,
            "minimum_count":2,"dimensions":["branch"]})")
                              << QString();
    }

    void warningRulesFile()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QTemporaryDir dir;
        QFile file(dir.filePath(EarlyWarningRules::fileName()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        const auto rules = EarlyWarningRules::load(dir.path());
        if (field.isEmpty()) {
            QVERIFY2(rules, qPrintable(failure(rules)));
            QCOMPARE(rules->baselineMonths(), 3);
            QCOMPARE(rules->sigmaMultiplier(), 1.5);
            QCOMPARE(rules->minimumCount(), 2);
            QCOMPARE(rules->dimensions(), QStringList {u"branch"_s});
            return;
        }
        QVERIFY(!rules);
        QCOMPARE(rules.error().code, u"invalid_rule_file"_s);
        QCOMPARE(rules.error().details.value(u"field"_s).toString(), field);
        QVERIFY(rules.error().message.contains(EarlyWarningRules::fileName()));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "test_report.moc"
