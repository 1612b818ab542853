// casedesk-bench-data: a SQLite database with the demo bank and many synthetic cases, to benchmark
// queues, search, reports and sync against 100k or 1M cases.
//   casedesk-bench-data --out FILE --cases 100000 [--from DATE --to DATE] [--seed N]
//                       [--demo-from DATE --demo-to DATE]   (also a demo period worked through CaseService)

#include "casework/CaseRules.h"
#include "casework/CaseService.h"
#include "demo/BulkCaseGenerator.h"
#include "demo/DemoCaseGenerator.h"
#include "demo/DemoOrganisation.h"
#include "security/KeyedHasher.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimeZone>

#include <cstdio>

using namespace casedesk;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "casedesk-bench-data: %s\n", qPrintable(message));
    return 1;
}

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

QDate date(const QCommandLineParser &parser, const QString &option, QDate fallback)
{
    return parser.isSet(option) ? QDate::fromString(parser.value(option), Qt::ISODate) : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("casedesk-bench-data"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Creates a SQLite database with the demo bank and synthetic cases."));
    parser.addHelpOption();
    const QList<QCommandLineOption> options = {
        {QStringLiteral("out"), QStringLiteral("Database file to create (must not exist)."), QStringLiteral("FILE")},
        {QStringLiteral("cases"), QStringLiteral("Number of bulk cases (default 100000)."), QStringLiteral("N"),
            QStringLiteral("100000")},
        {QStringLiteral("from"), QStringLiteral("First day of the bulk cases (default: two years before --to)."),
            QStringLiteral("DATE")},
        {QStringLiteral("to"), QStringLiteral("Last day of the bulk cases (default: 2026-10-31)."),
            QStringLiteral("DATE")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("N"), QStringLiteral("1")},
        {QStringLiteral("batch"), QStringLiteral("Cases per transaction (default 10000)."), QStringLiteral("N"),
            QStringLiteral("10000")},
        {QStringLiteral("demo-from"), QStringLiteral("Also work a demo period through CaseService from DATE."),
            QStringLiteral("DATE")},
        {QStringLiteral("demo-to"), QStringLiteral("Last day of the demo period."), QStringLiteral("DATE")},
    };
    parser.addOptions(options);
    parser.process(app);

    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        return fail(QStringLiteral("--out FILE is required."));
    if (QFileInfo::exists(out))
        return fail(QStringLiteral("%1 already exists; choose a new file.").arg(out));
    bool numeric = false;
    const qint64 count = parser.value(QStringLiteral("cases")).toLongLong(&numeric);
    if (!numeric || count < 0)
        return fail(QStringLiteral("--cases must be a whole number."));
    const quint32 seed = parser.value(QStringLiteral("seed")).toUInt(&numeric);
    if (!numeric)
        return fail(QStringLiteral("--seed must be a whole number."));
    const int batch = parser.value(QStringLiteral("batch")).toInt(&numeric);
    if (!numeric || batch < 1)
        return fail(QStringLiteral("--batch must be a positive number."));
    const QDate to = date(parser, QStringLiteral("to"), QDate(2026, 10, 31));
    const QDate from = date(parser, QStringLiteral("from"), to.addYears(-2).addDays(1));
    if (!from.isValid() || !to.isValid() || from > to)
        return fail(QStringLiteral("--from and --to must be dates (YYYY-MM-DD), --from first."));
    const bool demo = parser.isSet(QStringLiteral("demo-from")) || parser.isSet(QStringLiteral("demo-to"));
    const QDate demoFrom = date(parser, QStringLiteral("demo-from"), {});
    const QDate demoTo = date(parser, QStringLiteral("demo-to"), {});
    if (demo && (!demoFrom.isValid() || !demoTo.isValid() || demoFrom > demoTo))
        return fail(QStringLiteral("--demo-from and --demo-to must both be dates (YYYY-MM-DD), --demo-from first."));

    // Bulk data is rebuilt, not precious: normal instead of full sync.
    Database::Options dbOptions;
    dbOptions.durable = false;
    auto database = Database::open(out, dbOptions);
    if (!database)
        return fail(database.error().message);
    // A page cache big enough for a batch, so SQLite does not spill pages mid-transaction (128 MiB).
    if (auto ok = (*database)->exec(QStringLiteral("PRAGMA cache_size = -131072")); !ok)
        return fail(ok.error().message);
    CaseStore store(**database);
    if (auto ok = store.migrate(); !ok)
        return fail(ok.error().message);
    const auto rules = CaseRules::builtIn();
    const QTimeZone zone("Asia/Shanghai");
    FixedClock clock(QDateTime(demo ? demoFrom : from, QTime(8, 0), zone));
    auto organisation = DemoOrganisation::create(store, clock);
    if (!organisation)
        return fail(organisation.error().message);
    print(QStringLiteral("organisation: %1 branches, %2 users")
              .arg(organisation->branches().size())
              .arg(organisation->users().size()));
    // A fixed key: the fingerprints only need to be consistent within this database.
    const KeyedHasher hasher(QByteArray(KeyedHasher::keySize, 'b'));

    if (demo) {
        CaseService::Options serviceOptions;
        serviceOptions.hasher = &hasher;
        CaseService service(store, rules, clock, serviceOptions);
        DemoCaseGenerator generator(service, clock, *organisation, seed);
        QElapsedTimer timer;
        timer.start();
        auto summary = generator.generate(demoFrom, demoTo);
        if (!summary)
            return fail(summary.error().message);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        print(QStringLiteral("demo %1 to %2: %3 cases worked through CaseService in %4 s (%5 cases/s)")
                  .arg(demoFrom.toString(Qt::ISODate), demoTo.toString(Qt::ISODate))
                  .arg(summary->cases)
                  .arg(seconds, 0, 'f', 1)
                  .arg(double(summary->cases) / seconds, 0, 'f', 0));
        print(QString::fromUtf8(QJsonDocument(summary->toJson()).toJson(QJsonDocument::Indented)));
    }

    BulkCaseGenerator bulk(store, rules, *organisation, seed);
    bulk.setHasher(&hasher);
    bulk.setBatchSize(batch);
    QElapsedTimer timer;
    timer.start();
    bulk.setProgress([&timer, count](qint64 written) {
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        print(QStringLiteral("  %1 / %2 cases, %3 s, %4 cases/s")
                  .arg(written)
                  .arg(count)
                  .arg(seconds, 0, 'f', 1)
                  .arg(seconds > 0 ? double(written) / seconds : 0.0, 0, 'f', 0));
    });
    if (auto ok = bulk.generate(count, from, to); !ok)
        return fail(ok.error().message);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    print(QStringLiteral("bulk %1 to %2: %3 cases in %4 s (%5 cases/s)")
              .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))
              .arg(count)
              .arg(seconds, 0, 'f', 1)
              .arg(seconds > 0 ? double(count) / seconds : 0.0, 0, 'f', 0));
    database->reset();
    print(QStringLiteral("database: %1 (%2 MiB)").arg(out).arg(double(QFileInfo(out).size()) / (1 << 20), 0, 'f', 1));
    return 0;
}
