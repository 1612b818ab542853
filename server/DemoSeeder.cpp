#include "DemoSeeder.h"

#include "AccountStore.h"
#include "Authenticator.h"
#include "DataDirectory.h"
#include "casework/CaseRules.h"
#include "casework/CaseService.h"
#include "demo/DemoCaseGenerator.h"
#include "demo/DemoOrganisation.h"
#include "security/KeyedHasher.h"
#include "storage/CaseStore.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QRandomGenerator>
#include <QTimeZone>

#include <sys/stat.h>

namespace casedesk {

namespace {
// Readable, not guessable: four groups from an alphabet without look-alikes (0/O, 1/l).
QString randomPassword()
{
    static const QString alphabet = QStringLiteral("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QString password;
    for (int group = 0; group < 3; ++group) {
        if (group > 0)
            password += QLatin1Char('-');
        for (int i = 0; i < 4; ++i)
            password += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
    }
    return password;
}
} // namespace

Result<DemoSeeder::Outcome> DemoSeeder::seed(const QString &dataDir, QString password, quint32 seed)
{
    QLockFile lock(DataDirectory::lockFile(dataDir));
    lock.setStaleLockTime(0);
    if (QDir(dataDir).exists() && !lock.tryLock(0)) {
        return Error {QStringLiteral("server_running"),
            tr("A server is using %1; stop it before seeding demo data.").arg(dataDir), {}};
    }
    auto data = DataDirectory::open(dataDir);
    if (!data)
        return data.error();
    CaseStore &store = (*data)->cases();
    auto existing = store.countCases({});
    if (!existing)
        return existing.error();
    if (*existing > 0) {
        return Error {QStringLiteral("demo_not_empty"),
            tr("%1 holds %2 cases already; demo data goes into a new data directory.").arg(dataDir).arg(*existing), {}};
    }
    if (password.isEmpty())
        password = randomPassword();
    if (auto ok = PasswordHasher::checkPolicy(password); !ok)
        return ok.error();

    // The generator runs its own clock over the year; "now" only dates the organisation.
    FixedClock clock(QDateTime::currentDateTime());
    auto organisation = DemoOrganisation::create(store, clock);
    if (!organisation)
        return organisation.error();
    const ServerConfig &config = (*data)->config();
    Authenticator authenticator(store, (*data)->accounts(), clock,
        {config.lockoutThreshold, config.lockoutSeconds, config.sessionHours, config.strength()});
    for (const User &user : organisation->users()) {
        auto credentials = (*data)->accounts().credentials(user.id);
        if (!credentials)
            return credentials.error();
        if (credentials->has_value())
            continue; // an account the operator made keeps its password
        if (auto ok = authenticator.setPassword(user, password); !ok)
            return ok.error();
    }

    CaseService::Options options;
    options.assignRevisions = true;
    options.hasher = &(*data)->hasher();
    options.language = config.language;
    CaseService service(store, (*data)->rules(), clock, options);
    // A year of work up to yesterday in the bank's time zone, so nothing lies in the server's future.
    const QTimeZone zone((*data)->rules()->limits().defaultTimeZone().toLatin1());
    const QDate to
        = QDateTime::currentDateTime().toTimeZone(zone.isValid() ? zone : QTimeZone::utc()).date().addDays(-1);
    const QDate from = to.addYears(-1).addDays(1);
    DemoCaseGenerator generator(service, clock, *organisation, seed);
    auto summary = generator.generate(from, to);
    if (!summary)
        return summary.error();

    Outcome outcome {
        *summary, organisation->logins(), password, QDir((*data)->path()).filePath(QStringLiteral("demo-logins.txt"))};
    QFile file(outcome.loginsFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        ::chmod(QFile::encodeName(outcome.loginsFile).constData(), 0600);
        QTextStream out(&file);
        out << "# CaseDesk demo logins; password for all: " << password << '\n';
        for (const DemoLogin &login : outcome.logins)
            out << login.login << '\t' << login.name << '\t' << login.roles << '\t' << login.branchCode << '\n';
    }
    return outcome;
}

} // namespace casedesk
