// bench_report: how long the monthly report takes at scale (issue 5): computing it by SQL aggregation,
// then its JSON, PDF, XLSX and CSV forms, for the whole bank and for its busiest branch, at 100 000 and
// 1 000 000 cases. Reports figures, asserts no timings (DESIGN §8).
//   bench_report [--cases 100000,1000000] [--base FILE | --base-cases 100000] [--month 2026-10] [--runs 3]
//                [--keep DIR]
// The base database holds BulkCaseGenerator cases over the two years ending 2026-10-31 (generated here, or
// one made by casedesk-bench-data); a larger size is the base copied K times by SQL with new ids, i.e. the
// same mix K times as dense, because generating a million cases case by case takes hours on a small machine.

#include "casework/CaseRules.h"
#include "demo/BulkCaseGenerator.h"
#include "demo/DemoOrganisation.h"
#include "report/EarlyWarningRules.h"
#include "report/MonthlyReportDocument.h"
#include "report/MonthlyReportEngine.h"
#include "security/KeyedHasher.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace casedesk;

namespace {

void print(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_report: %s\n", qPrintable(message));
    return 1;
}

// Median wall time of `runs` runs of `step` in milliseconds; the first failure stops the bench.
double median(int runs, const std::function<bool()> &step)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!step())
            return -1;
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

struct Measured
{
    double compute = 0;
    double json = 0;
    double pdf = 0;
    double xlsx = 0;
    double csv = 0;
    qint64 received = 0;
    qint64 pdfBytes = 0;
};

int measure(CaseStore &store, const std::shared_ptr<const CaseRules> &rules, const ReportMonth &month,
    const Branch &scope, int runs, const QString &keep, const QString &label)
{
    const FixedClock clock(
        QDateTime(month.addMonths(1).firstDay().addDays(9), QTime(9, 0), QTimeZone("Asia/Shanghai")));
    auto warningRules = EarlyWarningRules::load();
    if (!warningRules)
        return fail(warningRules.error().message);
    const MonthlyReportEngine engine(store, rules, *warningRules, clock);
    MonthlyReport report;
    Measured m;
    QString error;
    const auto keepError = [&error](const Error &e) {
        error = e.message;
        return false;
    };
    m.compute = median(runs, [&] {
        auto computed = engine.computeForBranch(month, scope.id, QStringLiteral("bench"));
        if (!computed)
            return keepError(computed.error());
        report = std::move(computed).value();
        return true;
    });
    if (m.compute < 0)
        return fail(error);
    m.received = report.current.received;
    QByteArray json, pdf, xlsx, csv;
    const auto render = [&](const char *format, QByteArray &out) {
        return [&, format] {
            auto file = MonthlyReportDocument::render(report, QString::fromLatin1(format));
            if (!file)
                return keepError(file.error());
            out = file->bytes;
            return true;
        };
    };
    m.json = median(runs, render("json", json));
    m.pdf = median(runs, render("pdf", pdf));
    m.xlsx = median(runs, render("xlsx", xlsx));
    m.csv = median(runs, render("csv", csv));
    if (m.json < 0 || m.pdf < 0 || m.xlsx < 0 || m.csv < 0)
        return fail(error);
    m.pdfBytes = pdf.size();
    print(QStringLiteral("  %1 %2: %3 received in %4 | compute %5 ms | JSON %6 ms (%7 ms with compute) | PDF %8 ms "
                         "(%9 ms with compute, %10 KiB) | XLSX %11 ms | CSV %12 ms")
              .arg(label, -8)
              .arg(scope.code, -6)
              .arg(m.received)
              .arg(month.toString())
              .arg(m.compute, 0, 'f', 0)
              .arg(m.json, 0, 'f', 1)
              .arg(m.compute + m.json, 0, 'f', 0)
              .arg(m.pdf, 0, 'f', 0)
              .arg(m.compute + m.pdf, 0, 'f', 0)
              .arg(double(m.pdfBytes) / 1024, 0, 'f', 0)
              .arg(m.xlsx, 0, 'f', 0)
              .arg(m.csv, 0, 'f', 1));
    if (!keep.isEmpty()) {
        QDir().mkpath(keep);
        const QString base = QDir(keep).filePath(QStringLiteral("bench-%1-%2").arg(label, scope.code));
        for (const auto &[extension, bytes] :
            {std::pair {QStringLiteral("pdf"), pdf}, std::pair {QStringLiteral("xlsx"), xlsx},
                std::pair {QStringLiteral("csv"), csv}, std::pair {QStringLiteral("json"), json}}) {
            QFile file(base + QLatin1Char('.') + extension);
            if (file.open(QIODevice::WriteOnly))
                file.write(bytes);
        }
    }
    return 0;
}

int benchDatabase(const QString &path, const QString &label, const ReportMonth &month, int runs, const QString &keep)
{
    Database::Options options;
    options.durable = false;
    auto database = Database::open(path, options);
    if (!database)
        return fail(database.error().message);
    CaseStore store(**database);
    if (auto ok = store.migrate(); !ok)
        return fail(ok.error().message);
    const auto rules = CaseRules::builtIn();
    auto branches = store.branches();
    if (!branches || branches->isEmpty())
        return fail(QStringLiteral("%1 has no branches.").arg(path));
    auto total = (*database)->scalar(QStringLiteral("SELECT COUNT(*) FROM cases"));
    print(QStringLiteral("%1: %2 cases in the database").arg(path).arg(total ? total->toLongLong() : -1));
    // The whole bank (the root of the tree) and the busiest receiving branch.
    Branch root = branches->first();
    for (const Branch &b : branches.value()) {
        if (b.parentId.isEmpty())
            root = b;
    }
    Branch busiest = root;
    auto counts
        = (*database)->exec(QStringLiteral("SELECT branch_id, COUNT(*) FROM cases GROUP BY branch_id ORDER BY 2 DESC"));
    if (counts && counts->next()) {
        for (const Branch &b : branches.value()) {
            if (b.id == counts->value(0).toString())
                busiest = b;
        }
    }
    for (const Branch &scope : {root, busiest}) {
        if (int failed = measure(store, rules, month, scope, runs, keep, label))
            return failed;
    }
    return 0;
}

// Adds `copies` copies of every case (and its records and audit events) with new ids and numbers.
int replicate(Database &database, int copies)
{
    const auto columns = [&database](const QString &table) {
        QStringList names;
        auto info = database.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
        while (info && info->next())
            names.append(info->value(1).toString());
        return names;
    };
    // Columns that identify a row or point at another case get the copy's suffix.
    const QStringList suffixed
        = {QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("repeat_of"), QStringLiteral("case_id")};
    for (int copy = 1; copy <= copies; ++copy) {
        auto transaction = database.transaction();
        for (const QString &table :
            {QStringLiteral("cases"), QStringLiteral("case_records"), QStringLiteral("audit_events")}) {
            const QStringList names = columns(table);
            QStringList values;
            for (const QString &name : names)
                values.append(suffixed.contains(name) ? QStringLiteral("%1 || '~%2'").arg(name).arg(copy) : name);
            const QString sql = QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM %1 WHERE id NOT LIKE '%~%'")
                                    .arg(table, names.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")));
            if (auto ok = database.exec(sql); !ok)
                return fail(ok.error().message);
        }
        if (auto ok = transaction.commit(); !ok)
            return fail(ok.error().message);
    }
    return 0;
}

QString sizeLabel(qint64 count)
{
    if (count % 1000000 == 0)
        return QStringLiteral("%1M").arg(count / 1000000);
    if (count % 1000 == 0)
        return QStringLiteral("%1k").arg(count / 1000);
    return QString::number(count);
}

int generate(const QString &path, qint64 count)
{
    const QDate to(2026, 10, 31);
    const QDate from = to.addYears(-2).addDays(1);
    Database::Options options;
    options.durable = false;
    auto database = Database::open(path, options);
    if (!database)
        return fail(database.error().message);
    CaseStore store(**database);
    if (auto migrated = store.migrate(); !migrated)
        return fail(migrated.error().message);
    const FixedClock clock(QDateTime(from, QTime(8, 0), QTimeZone("Asia/Shanghai")));
    auto organisation = DemoOrganisation::create(store, clock);
    if (!organisation)
        return fail(organisation.error().message);
    const KeyedHasher hasher(QByteArray(KeyedHasher::keySize, 'b'));
    BulkCaseGenerator bulk(store, CaseRules::builtIn(), *organisation, 1);
    bulk.setHasher(&hasher);
    QElapsedTimer timer;
    timer.start();
    if (auto generated = bulk.generate(count, from, to); !generated)
        return fail(generated.error().message);
    print(QStringLiteral("generated %1 cases (%2 to %3) in %4 s")
              .arg(count)
              .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))
              .arg(double(timer.nsecsElapsed()) / 1e9, 0, 'f', 1));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // Printing needs a QGuiApplication; without a display the offscreen platform serves (as on a server).
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_report"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times the monthly report at 100k and 1M cases."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("cases"), QStringLiteral("Comma-separated sizes to measure (multiples of the base)."),
            QStringLiteral("N,N"), QStringLiteral("100000,1000000")},
        {QStringLiteral("base"), QStringLiteral("Start from this database (it is copied, not changed)."),
            QStringLiteral("FILE")},
        {QStringLiteral("base-cases"), QStringLiteral("Cases to generate for the base (default 100000)."),
            QStringLiteral("N"), QStringLiteral("100000")},
        {QStringLiteral("month"), QStringLiteral("Report month (default 2026-10, the last month of the data)."),
            QStringLiteral("YYYY-MM"), QStringLiteral("2026-10")},
        {QStringLiteral("runs"), QStringLiteral("Runs per measurement; the median is printed (default 3)."),
            QStringLiteral("N"), QStringLiteral("3")},
        {QStringLiteral("keep"), QStringLiteral("Write the rendered files into DIR."), QStringLiteral("DIR")},
    });
    parser.process(app);
    auto month = ReportMonth::parse(parser.value(QStringLiteral("month")));
    if (!month)
        return fail(month.error().message);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const QString keep = parser.value(QStringLiteral("keep"));
    QList<qint64> sizes;
    for (const QString &size : parser.value(QStringLiteral("cases")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        sizes.append(size.trimmed().toLongLong(&ok));
        if (!ok || sizes.last() <= 0)
            return fail(QStringLiteral("--cases takes whole numbers, e.g. 100000,1000000."));
    }

    QTemporaryDir directory;
    QString base = parser.value(QStringLiteral("base"));
    if (base.isEmpty()) {
        base = directory.filePath(QStringLiteral("base.db"));
        if (int failed = generate(base, parser.value(QStringLiteral("base-cases")).toLongLong()))
            return failed;
    }
    qint64 baseCount = 0;
    {
        auto database = Database::open(base);
        if (!database)
            return fail(database.error().message);
        auto count = (*database)->scalar(QStringLiteral("SELECT COUNT(*) FROM cases"));
        if (!count || count->toLongLong() == 0)
            return fail(QStringLiteral("%1 holds no cases.").arg(base));
        baseCount = count->toLongLong();
    }
    for (qint64 size : std::as_const(sizes)) {
        const int factor = int(std::max<qint64>(1, (size + baseCount / 2) / baseCount));
        const QString path = directory.filePath(QStringLiteral("bench-%1.db").arg(size));
        QFile::remove(path);
        if (!QFile::copy(base, path))
            return fail(QStringLiteral("cannot copy %1").arg(base));
        if (factor > 1) {
            Database::Options options;
            options.durable = false;
            auto database = Database::open(path, options);
            if (!database)
                return fail(database.error().message);
            QElapsedTimer timer;
            timer.start();
            if (int failed = replicate(**database, factor - 1))
                return failed;
            print(QStringLiteral("copied the %1 base cases %2 times in %3 s")
                      .arg(baseCount)
                      .arg(factor)
                      .arg(double(timer.nsecsElapsed()) / 1e9, 0, 'f', 1));
        }
        if (int failed = benchDatabase(path, sizeLabel(baseCount * factor), *month, runs, keep))
            return failed;
        QFile::remove(path);
    }
    return 0;
}
