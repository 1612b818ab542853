// Figures for the demo generators (DESIGN §8: benchmarks report, they do not assert timings):
// a year of demo work through CaseService, and bulk cases written straight into a store.

#include "casework/CaseRules.h"
#include "casework/CaseService.h"
#include "demo/BulkCaseGenerator.h"
#include "demo/DemoCaseGenerator.h"
#include "demo/DemoOrganisation.h"
#include "security/KeyedHasher.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimeZone>

using namespace casedesk;

class BenchDemo : public QObject
{
    Q_OBJECT

private:
    struct Store
    {
        std::unique_ptr<Database> database;
        std::unique_ptr<CaseStore> cases;
    };

    static Store open()
    {
        Store s;
        s.database = Database::open(QStringLiteral(":memory:")).value();
        s.cases = std::make_unique<CaseStore>(*s.database);
        if (!s.cases->migrate())
            qFatal("migration failed");
        return s;
    }

private slots:
    void demoYear()
    {
        Store s = open();
        FixedClock clock(QDateTime(QDate(2025, 11, 1), QTime(8, 0), QTimeZone("Asia/Shanghai")));
        const KeyedHasher hasher(QByteArray(KeyedHasher::keySize, 'b'));
        CaseService::Options options;
        options.hasher = &hasher;
        CaseService service(*s.cases, CaseRules::builtIn(), clock, options);
        auto organisation = DemoOrganisation::create(*s.cases, clock);
        QVERIFY(organisation.ok());
        DemoCaseGenerator generator(service, clock, *organisation, 2026);
        QElapsedTimer timer;
        timer.start();
        auto summary = generator.generate(QDate(2025, 11, 1), QDate(2026, 10, 31));
        QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        qInfo("demo year: %lld cases through CaseService in %.1f s (%.0f cases/s)", summary->cases, seconds,
            double(summary->cases) / seconds);
    }

    void bulk_data()
    {
        QTest::addColumn<qint64>("count");
        QTest::newRow("20k") << qint64(20000);
        QTest::newRow("100k") << qint64(100000);
    }

    void bulk()
    {
        QFETCH(qint64, count);
        Store s = open();
        FixedClock clock(QDateTime(QDate(2024, 11, 1), QTime(8, 0), QTimeZone("Asia/Shanghai")));
        auto organisation = DemoOrganisation::create(*s.cases, clock);
        QVERIFY(organisation.ok());
        BulkCaseGenerator generator(*s.cases, CaseRules::builtIn(), *organisation, 7);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(generator.generate(count, QDate(2024, 11, 1), QDate(2026, 10, 31)).ok());
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        qInfo("bulk: %lld cases in %.1f s (%.0f cases/s)", count, seconds, double(count) / seconds);
        QCOMPARE(s.cases->countCases({}).value(), count);
    }
};

QTEST_GUILESS_MAIN(BenchDemo)
#include "bench_demo.moc"
