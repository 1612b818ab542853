#include "calendar/WorkingDayCalendar.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace casedesk;

namespace {

QDate d(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

QByteArray readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

const QString builtIn = QStringLiteral(":/casedesk/calendars");

} // namespace

// Every expected date below was counted by hand from resources/calendars/cn-2025.json and cn-2026.json.
class TestCalendar : public QObject
{
    Q_OBJECT

private:
    WorkingDayCalendar m_calendar;

private slots:
    void initTestCase()
    {
        const auto calendar = WorkingDayCalendar::load(builtIn);
        QVERIFY2(calendar.ok(), qPrintable(calendar ? QString() : calendar.error().message));
        m_calendar = *calendar;
    }

    void builtInYears()
    {
        QCOMPARE(m_calendar.years(), (QList<int> {2025, 2026}));
        QVERIFY(m_calendar.hasDataFor(2025));
        QVERIFY(m_calendar.hasDataFor(2026));
        QVERIFY(!m_calendar.hasDataFor(2027));
        QCOMPARE(m_calendar.fileFor(2026), QStringLiteral("cn-2026.json"));
        QCOMPARE(m_calendar.fileFor(2027), QString());
    }

    void isWorkingDay_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("working");
        QTest::addColumn<QString>("holiday");
        const QString spring = QStringLiteral("春节 Spring Festival");
        const QString national2025 = QStringLiteral("国庆节、中秋节 National Day and Mid-Autumn");
        QTest::newRow("2026-03-04 Wed ordinary") << d("2026-03-04") << true << QString();
        QTest::newRow("2026-03-07 Sat ordinary") << d("2026-03-07") << false << QString();
        QTest::newRow("2026-03-08 Sun ordinary") << d("2026-03-08") << false << QString();
        QTest::newRow("2026-02-13 Fri before Spring Festival") << d("2026-02-13") << true << QString();
        QTest::newRow("2026-02-14 Sat make-up") << d("2026-02-14") << true << QString();
        QTest::newRow("2026-02-15 Sun first holiday") << d("2026-02-15") << false << spring;
        QTest::newRow("2026-02-16 Mon holiday") << d("2026-02-16") << false << spring;
        QTest::newRow("2026-02-23 Mon last holiday") << d("2026-02-23") << false << spring;
        QTest::newRow("2026-02-24 Tue back to work") << d("2026-02-24") << true << QString();
        QTest::newRow("2026-02-28 Sat make-up") << d("2026-02-28") << true << QString();
        QTest::newRow("2026-01-01 Thu New Year") << d("2026-01-01") << false << QStringLiteral("元旦 New Year's Day");
        QTest::newRow("2026-01-03 Sat New Year") << d("2026-01-03") << false << QStringLiteral("元旦 New Year's Day");
        QTest::newRow("2026-01-04 Sun make-up") << d("2026-01-04") << true << QString();
        QTest::newRow("2025-01-01 Wed New Year") << d("2025-01-01") << false << QStringLiteral("元旦 New Year's Day");
        QTest::newRow("2025-01-26 Sun make-up") << d("2025-01-26") << true << QString();
        QTest::newRow("2025-01-28 Tue Spring Festival") << d("2025-01-28") << false << spring;
        QTest::newRow("2025-02-04 Tue last holiday") << d("2025-02-04") << false << spring;
        QTest::newRow("2025-02-08 Sat make-up") << d("2025-02-08") << true << QString();
        QTest::newRow("2025-02-09 Sun ordinary") << d("2025-02-09") << false << QString();
        QTest::newRow("2025-09-27 Sat ordinary") << d("2025-09-27") << false << QString();
        QTest::newRow("2025-09-28 Sun make-up") << d("2025-09-28") << true << QString();
        QTest::newRow("2025-10-01 Wed National Day") << d("2025-10-01") << false << national2025;
        QTest::newRow("2025-10-08 Wed National Day") << d("2025-10-08") << false << national2025;
        QTest::newRow("2025-10-09 Thu back to work") << d("2025-10-09") << true << QString();
        QTest::newRow("2025-10-11 Sat make-up") << d("2025-10-11") << true << QString();
        QTest::newRow("2025-10-12 Sun ordinary") << d("2025-10-12") << false << QString();
        QTest::newRow("2027-01-01 Fri fallback") << d("2027-01-01") << true << QString();
        QTest::newRow("2027-01-02 Sat fallback") << d("2027-01-02") << false << QString();
        QTest::newRow("2030-02-04 Mon fallback") << d("2030-02-04") << true << QString();
        QTest::newRow("invalid date") << QDate() << false << QString();
    }
    void isWorkingDay()
    {
        QFETCH(QDate, date);
        QFETCH(bool, working);
        QFETCH(QString, holiday);
        QCOMPARE(m_calendar.isWorkingDay(date), working);
        QCOMPARE(m_calendar.holidayName(date), holiday);
    }

    void addWorkingDays_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<int>("n");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("ordinary week") << d("2026-03-04") << 3 << d("2026-03-09");
        QTest::newRow("zero days") << d("2026-03-04") << 0 << d("2026-03-04");
        QTest::newRow("2025 into Spring Festival, 1") << d("2025-01-27") << 1 << d("2025-02-05");
        QTest::newRow("2025 across Spring Festival, 3") << d("2025-01-27") << 3 << d("2025-02-07");
        QTest::newRow("2025 to make-up Sat, 4") << d("2025-01-27") << 4 << d("2025-02-08");
        QTest::newRow("2025 past make-up Sat, 5") << d("2025-01-27") << 5 << d("2025-02-10");
        QTest::newRow("2025 Fri to make-up Sun") << d("2025-01-24") << 1 << d("2025-01-26");
        QTest::newRow("2025 Fri, 3 over the holiday") << d("2025-01-24") << 3 << d("2025-02-05");
        QTest::newRow("2025 Fri to make-up Sun 09-28") << d("2025-09-26") << 1 << d("2025-09-28");
        QTest::newRow("2025 before National Day, 3") << d("2025-09-26") << 3 << d("2025-09-30");
        QTest::newRow("2025 across National Day, 4") << d("2025-09-26") << 4 << d("2025-10-09");
        QTest::newRow("2025 across National Day, 7") << d("2025-09-26") << 7 << d("2025-10-13");
        QTest::newRow("2025 National Day to make-up Sat") << d("2025-09-30") << 3 << d("2025-10-11");
        QTest::newRow("2025→2026 to make-up Sun 01-04") << d("2025-12-31") << 1 << d("2026-01-04");
        QTest::newRow("2025→2026, 2") << d("2025-12-31") << 2 << d("2026-01-05");
        QTest::newRow("2025→2026 from 12-30, 3") << d("2025-12-30") << 3 << d("2026-01-05");
        QTest::newRow("2026 Fri to make-up Sat 02-14") << d("2026-02-13") << 1 << d("2026-02-14");
        QTest::newRow("2026 across Spring Festival, 2") << d("2026-02-13") << 2 << d("2026-02-24");
        QTest::newRow("2026 across Spring Festival, 7") << d("2026-02-12") << 7 << d("2026-02-28");
        QTest::newRow("2026 across Spring Festival, 10") << d("2026-02-12") << 10 << d("2026-03-04");
        QTest::newRow("2026 from inside a holiday") << d("2026-02-17") << 1 << d("2026-02-24");
        QTest::newRow("2026 from a Sunday") << d("2026-03-08") << 1 << d("2026-03-09");
        QTest::newRow("2026→2027 fallback Fri") << d("2026-12-31") << 1 << d("2027-01-01");
        QTest::newRow("2026→2027 fallback Mon") << d("2026-12-31") << 2 << d("2027-01-04");
        QTest::newRow("2026→2027, 7") << d("2026-12-29") << 7 << d("2027-01-07");
        QTest::newRow("2030 fallback only") << d("2030-01-04") << 5 << d("2030-01-11");
        QTest::newRow("one year of 2026") << d("2025-12-31") << 248 << d("2026-12-31");
    }
    void addWorkingDays()
    {
        QFETCH(QDate, from);
        QFETCH(int, n);
        QFETCH(QDate, expected);
        QCOMPARE(m_calendar.addWorkingDays(from, n), expected);
        if (n == 1)
            QCOMPARE(m_calendar.nextWorkingDay(from), expected);
    }

    void workingDaysBetween_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<int>("expected");
        QTest::newRow("same day") << d("2026-03-04") << d("2026-03-04") << 0;
        QTest::newRow("reversed") << d("2026-03-09") << d("2026-03-04") << 0;
        QTest::newRow("ordinary week") << d("2026-03-04") << d("2026-03-11") << 5;
        QTest::newRow("to a Saturday") << d("2026-03-04") << d("2026-03-07") << 2;
        QTest::newRow("2025 Spring Festival") << d("2025-01-27") << d("2025-02-10") << 5;
        QTest::newRow("2025 National Day") << d("2025-09-26") << d("2025-10-13") << 7;
        QTest::newRow("2025→2026 New Year") << d("2025-12-31") << d("2026-01-05") << 2;
        QTest::newRow("2026 Spring Festival") << d("2026-02-13") << d("2026-02-28") << 6;
        QTest::newRow("all of 2025") << d("2024-12-31") << d("2025-12-31") << 248;
        QTest::newRow("all of 2026") << d("2025-12-31") << d("2026-12-31") << 248;
        QTest::newRow("all of 2027, fallback") << d("2026-12-31") << d("2027-12-31") << 261;
        QTest::newRow("2024 to 2027") << d("2024-12-31") << d("2027-12-31") << 248 + 248 + 261;
    }
    void workingDaysBetween()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(int, expected);
        QCOMPARE(m_calendar.workingDaysBetween(from, to), expected);
    }

    // Cross-checks the precomputed tables against the JSON read independently, day by day, and
    // addWorkingDays/workingDaysBetween against a plain walk, for every start date of both years.
    void agreesWithFilesDayByDay()
    {
        QSet<QDate> holidays;
        QSet<QDate> workdays;
        for (const QString &file : {QStringLiteral("cn-2025.json"), QStringLiteral("cn-2026.json")}) {
            const QJsonObject json = QJsonDocument::fromJson(readResource(builtIn + QLatin1Char('/') + file)).object();
            const QJsonArray periods = json.value(QStringLiteral("holidays")).toArray();
            for (const QJsonValue &period : periods) {
                const QDate from = QDate::fromString(period[QStringLiteral("from")].toString(), Qt::ISODate);
                const QDate to = QDate::fromString(period[QStringLiteral("to")].toString(), Qt::ISODate);
                for (QDate day = from; day <= to; day = day.addDays(1))
                    holidays.insert(day);
            }
            const QJsonArray days = json.value(QStringLiteral("workdays")).toArray();
            for (const QJsonValue &day : days)
                workdays.insert(QDate::fromString(day.toString(), Qt::ISODate));
        }
        QCOMPARE(holidays.size(), 28 + 33);
        QCOMPARE(workdays.size(), 11);
        const auto expectedWorking
            = [&](QDate day) { return workdays.contains(day) || (!holidays.contains(day) && day.dayOfWeek() <= 5); };
        for (QDate day = d("2025-01-01"); day <= d("2026-12-31"); day = day.addDays(1))
            QVERIFY2(m_calendar.isWorkingDay(day) == expectedWorking(day), qPrintable(day.toString(Qt::ISODate)));

        for (QDate from = d("2024-12-20"); from <= d("2026-12-31"); from = from.addDays(1)) {
            QDate walk = from;
            for (int n = 1; n <= 60; ++n) {
                do
                    walk = walk.addDays(1);
                while (!m_calendar.isWorkingDay(walk));
                QVERIFY2(m_calendar.addWorkingDays(from, n) == walk,
                    qPrintable(QStringLiteral("%1 + %2").arg(from.toString(Qt::ISODate)).arg(n)));
                QVERIFY2(m_calendar.workingDaysBetween(from, walk) == n,
                    qPrintable(QStringLiteral("%1 .. %2").arg(from.toString(Qt::ISODate), walk.toString(Qt::ISODate))));
            }
        }
    }

    void fallbackYear()
    {
        QCOMPARE(m_calendar.yearsWithoutData(d("2026-03-04"), d("2026-03-09")), QList<int>());
        QCOMPARE(m_calendar.yearsWithoutData(d("2026-12-29"), d("2027-01-07")), QList<int> {2027});
        QCOMPARE(m_calendar.yearsWithoutData(d("2031-01-02"), d("2029-12-30")), (QList<int> {2029, 2030, 2031}));
        QCOMPARE(m_calendar.yearsWithoutData(d("2024-12-31"), d("2025-01-02")), QList<int> {2024});
        QCOMPARE(m_calendar.fallbackWarning(2026), QString());
        const QString warning = m_calendar.fallbackWarning(2030);
        QVERIFY2(warning.contains(QStringLiteral("2030")), qPrintable(warning));
        QVERIFY2(warning.contains(QStringLiteral("Monday to Friday")), qPrintable(warning));

        // With no calendar at all, 2026's Spring Festival is ordinary weekdays.
        const WorkingDayCalendar empty;
        QVERIFY(empty.isWorkingDay(d("2026-02-16")));
        QVERIFY(!empty.isWorkingDay(d("2026-02-14")));
        QCOMPARE(empty.addWorkingDays(d("2026-02-13"), 2), d("2026-02-17"));
        QCOMPARE(empty.yearsWithoutData(d("2026-02-13"), d("2026-02-17")), QList<int> {2026});
    }

    void brokenFile_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        const auto file
            = [](const char *holidays, const char *workdays = "[]", const char *year = "2026") -> QByteArray {
            return QByteArray(R"({"region": "CN", "year": )") + year + R"(, "holidays": )" + holidays
                + R"(, "workdays": )" + workdays + "}";
        };
        const QString cn2026 = QStringLiteral("cn-2026.json");
        QTest::newRow("not JSON") << cn2026 << QByteArray(R"({"year": 2026, "holidays": [)") << QString() << QString()
                                  << QStringLiteral("not_json");
        QTest::newRow("JSON but not an object")
            << cn2026 << QByteArray("[1, 2]") << QString() << QString() << QStringLiteral("not_an_object");
        QTest::newRow("bad date") << cn2026 << file(R"([{"name": "A", "from": "2026-01-01", "to": "2026-01-03"},
                        {"name": "春节", "from": "2026-02-15", "to": "2026-02-30"}])")
                                  << QStringLiteral("holidays[1]") << QStringLiteral("holidays[1].to")
                                  << QStringLiteral("invalid_type");
        QTest::newRow("date without leading zeros")
            << cn2026 << file(R"([{"name": "A", "from": "2026-1-1", "to": "2026-01-03"}])")
            << QStringLiteral("holidays[0]") << QStringLiteral("holidays[0].from") << QStringLiteral("invalid_type");
        QTest::newRow("date with slashes")
            << cn2026 << file(R"([{"name": "A", "from": "2026-01-01", "to": "2026/01/03"}])")
            << QStringLiteral("holidays[0]") << QStringLiteral("holidays[0].to") << QStringLiteral("invalid_type");
        QTest::newRow("from after to") << cn2026
                                       << file(R"([{"name": "元旦", "from": "2026-01-03", "to": "2026-01-01"}])")
                                       << QStringLiteral("holidays[0]") << QStringLiteral("holidays[0].to")
                                       << QStringLiteral("invalid_value");
        QTest::newRow("holiday in the wrong year")
            << cn2026 << file(R"([{"name": "元旦", "from": "2025-12-31", "to": "2026-01-01"}])")
            << QStringLiteral("holidays[0]") << QStringLiteral("holidays[0].from") << QStringLiteral("invalid_value");
        QTest::newRow("overlapping holidays")
            << cn2026 << file(R"([{"name": "A", "from": "2026-10-01", "to": "2026-10-07"},
                        {"name": "B", "from": "2026-10-07", "to": "2026-10-08"}])")
            << QStringLiteral("holidays[1]") << QStringLiteral("holidays[1].from") << QStringLiteral("invalid_value");
        QTest::newRow("missing to") << cn2026 << file(R"([{"name": "元旦", "from": "2026-01-01"}])")
                                    << QStringLiteral("holidays[0]") << QStringLiteral("holidays[0].to")
                                    << QStringLiteral("missing_field");
        QTest::newRow("empty name") << cn2026 << file(R"([{"name": " ", "from": "2026-01-01", "to": "2026-01-01"}])")
                                    << QStringLiteral("holidays[0]") << QStringLiteral("holidays[0].name")
                                    << QStringLiteral("missing_field");
        QTest::newRow("holiday not an object") << cn2026 << file(R"(["2026-01-01"])") << QStringLiteral("holidays[0]")
                                               << QStringLiteral("holidays[0]") << QStringLiteral("invalid_type");
        QTest::newRow("unknown field in a holiday")
            << cn2026 << file(R"([{"name": "A", "from": "2026-01-01", "to": "2026-01-01", "until": "x"}])")
            << QStringLiteral("holidays[0]") << QStringLiteral("holidays[0].until") << QStringLiteral("unknown_field");
        QTest::newRow("missing holidays") << cn2026 << QByteArray(R"({"year": 2026, "workdays": []})") << QString()
                                          << QStringLiteral("holidays") << QStringLiteral("missing_field");
        QTest::newRow("missing year") << cn2026 << QByteArray(R"({"holidays": [], "workdays": []})") << QString()
                                      << QStringLiteral("year") << QStringLiteral("missing_field");
        QTest::newRow("misspelt top-level field")
            << cn2026 << QByteArray(R"({"year": 2026, "holidays": [], "workday": []})") << QString()
            << QStringLiteral("workday") << QStringLiteral("unknown_field");
        QTest::newRow("year differs from file name") << cn2026 << file("[]", "[]", "2025") << QString()
                                                     << QStringLiteral("year") << QStringLiteral("invalid_value");
        QTest::newRow("make-up day on a weekday")
            << cn2026 << file("[]", R"(["2026-02-14", "2026-02-16"])") << QStringLiteral("workdays[1]")
            << QStringLiteral("workdays[1]") << QStringLiteral("invalid_value");
        QTest::newRow("make-up day inside a holiday")
            << cn2026 << file(R"([{"name": "元旦", "from": "2026-01-01", "to": "2026-01-03"}])", R"(["2026-01-03"])")
            << QStringLiteral("workdays[0]") << QStringLiteral("workdays[0]") << QStringLiteral("invalid_value");
        QTest::newRow("make-up day in the wrong year")
            << cn2026 << file("[]", R"(["2025-12-28"])") << QStringLiteral("workdays[0]")
            << QStringLiteral("workdays[0]") << QStringLiteral("invalid_value");
        QTest::newRow("make-up day not a date")
            << cn2026 << file("[]", R"(["2026/02/14"])") << QStringLiteral("workdays[0]")
            << QStringLiteral("workdays[0]") << QStringLiteral("invalid_type");
        QTest::newRow("make-up day a number") << cn2026 << file("[]", "[20260214]") << QStringLiteral("workdays[0]")
                                              << QStringLiteral("workdays[0]") << QStringLiteral("invalid_type");
        QTest::newRow("make-up day twice")
            << cn2026 << file("[]", R"(["2026-02-14", "2026-02-14"])") << QStringLiteral("workdays[1]")
            << QStringLiteral("workdays[1]") << QStringLiteral("invalid_value");
    }
    void brokenFile()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, text);
        QFETCH(QString, entry);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        const auto calendar = WorkingDayCalendar::parse(fileName, text);
        QVERIFY(!calendar.ok());
        const Error &error = calendar.error();
        QCOMPARE(error.code, QStringLiteral("invalid_calendar_file"));
        QCOMPARE(error.details.value(QStringLiteral("file")).toString(), fileName);
        QCOMPARE(error.details.value(QStringLiteral("entry")).toString(), entry);
        QCOMPARE(error.details.value(QStringLiteral("field")).toString(), field);
        QCOMPARE(error.details.value(QStringLiteral("reason")).toString(), reason);
        // The message alone must tell an admin where to look.
        QVERIFY2(error.message.startsWith(fileName), qPrintable(error.message));
        QVERIFY2(error.message.contains(entry), qPrintable(error.message));
        QVERIFY2(error.message.contains(field), qPrintable(error.message));
    }

    void brokenFileNamesTheHoliday()
    {
        const auto calendar = WorkingDayCalendar::parse(QStringLiteral("cn-2026.json"),
            R"({"year": 2026, "holidays": [{"name": "春节 Spring Festival", "from": "2026-02-23", "to": "2026-02-15"}],
                "workdays": []})");
        QVERIFY(!calendar.ok());
        QCOMPARE(
            calendar.error().details.value(QStringLiteral("name")).toString(), QStringLiteral("春节 Spring Festival"));
        QVERIFY2(calendar.error().message.contains(QStringLiteral("春节 Spring Festival")),
            qPrintable(calendar.error().message));
    }

    void validFileFromJson()
    {
        const auto calendar = WorkingDayCalendar::parse(QStringLiteral("xx-2030.json"),
            R"({"year": 2030, "holidays": [{"name": "Test day", "from": "2030-01-07", "to": "2030-01-07"}],
                "workdays": ["2030-01-05"]})");
        QVERIFY2(calendar.ok(), qPrintable(calendar ? QString() : calendar.error().message));
        QCOMPARE(calendar->years(), QList<int> {2030});
        QVERIFY(calendar->isWorkingDay(d("2030-01-05")));
        QVERIFY(!calendar->isWorkingDay(d("2030-01-07")));
        QCOMPARE(calendar->holidayName(d("2030-01-07")), QStringLiteral("Test day"));
        QCOMPARE(calendar->addWorkingDays(d("2030-01-04"), 2), d("2030-01-08"));
        QCOMPARE(calendar->fallbackWarning(2030), QString());
    }

    void mergeRefusesTheSameYearTwice()
    {
        WorkingDayCalendar calendar = m_calendar;
        const auto again = WorkingDayCalendar::parse(
            QStringLiteral("hk-2026.json"), R"({"year": 2026, "holidays": [], "workdays": []})");
        QVERIFY(again.ok());
        const Status merged = calendar.merge(*again);
        QVERIFY(!merged.ok());
        QCOMPARE(merged.error().details.value(QStringLiteral("reason")).toString(), QStringLiteral("duplicate_year"));
        QCOMPARE(merged.error().details.value(QStringLiteral("file")).toString(), QStringLiteral("hk-2026.json"));
        QCOMPARE(merged.error().details.value(QStringLiteral("other_file")).toString(), QStringLiteral("cn-2026.json"));
        // Nothing changed: 2026-02-16 is still a holiday.
        QVERIFY(!calendar.isWorkingDay(d("2026-02-16")));
    }

    void loadDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto write = [&dir](const QString &name, const QByteArray &bytes) {
            QFile file(dir.filePath(name));
            return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
        };
        QVERIFY(write(QStringLiteral("cn-2026.json"), readResource(builtIn + QStringLiteral("/cn-2026.json"))));
        QVERIFY(write(QStringLiteral("README.json"), "not a calendar and not named like one"));
        auto loaded = WorkingDayCalendar::load(dir.path());
        QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->years(), QList<int> {2026});

        QVERIFY(write(QStringLiteral("cn-2027.json"), R"({"year": 2027, "holidays": [], "workdays": ["2027-01-04"]})"));
        loaded = WorkingDayCalendar::load(dir.path());
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().details.value(QStringLiteral("file")).toString(), QStringLiteral("cn-2027.json"));
        QCOMPARE(loaded.error().details.value(QStringLiteral("field")).toString(), QStringLiteral("workdays[0]"));

        const auto missing = WorkingDayCalendar::load(dir.filePath(QStringLiteral("nowhere")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("calendar_directory_not_found"));
    }
};

QTEST_GUILESS_MAIN(TestCalendar)
#include "test_calendar.moc"
