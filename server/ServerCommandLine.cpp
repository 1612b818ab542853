#include "ServerCommandLine.h"

#include "Authenticator.h"
#include "DataDirectory.h"
#include "DatabaseBackup.h"
#include "DemoSeeder.h"
#include "ListenAddress.h"
#include "OrganisationAdmin.h"
#include "ServerRuntime.h"
#include "TerminationSignal.h"
#include "casework/CaseRules.h"
#include "rules/RulePack.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <sys/stat.h>

namespace casedesk {

namespace {

QCommandLineOption option(
    const QString &name, const QString &description, const QString &value = QStringLiteral("value"))
{
    return QCommandLineOption(name, description, value);
}

QCommandLineOption dataOption()
{
    return option(QStringLiteral("data"), ServerCommandLine::tr("The server's data directory."), QStringLiteral("DIR"));
}

// Removes what a failed `init` created, so the operator can simply run it again.
void removeCreated(const QString &dir, bool existed)
{
    QDir directory(dir);
    if (!existed) {
        directory.removeRecursively();
        return;
    }
    for (const QFileInfo &entry : directory.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (entry.isDir())
            QDir(entry.absoluteFilePath()).removeRecursively();
        else
            QFile::remove(entry.absoluteFilePath());
    }
}

QString rolesText(const User &u)
{
    QStringList roles;
    for (Role role : u.roles)
        roles.append(toCode(role));
    return roles.join(QLatin1Char(','));
}

} // namespace

ServerCommandLine::ServerCommandLine(QTextStream &out, QTextStream &err, QString version)
    : m_out(out)
    , m_err(err)
    , m_version(std::move(version))
{ }

int ServerCommandLine::fail(const Error &error)
{
    m_err << m_program << ": " << error.message;
    if (!error.details.value(QStringLiteral("field")).toString().isEmpty())
        m_err << " [" << error.details.value(QStringLiteral("field")).toString() << ']';
    m_err << " (" << error.code << ")\n";
    m_err.flush();
    return 1;
}

int ServerCommandLine::fail(const QString &message)
{
    m_err << m_program << ": " << message << '\n';
    m_err.flush();
    return 2;
}

int ServerCommandLine::usage(int code)
{
    QTextStream &stream = code == 0 ? m_out : m_err;
    stream << tr(
        "Usage:\n"
        "  casedesk-server init    --data DIR [--db-url postgresql://…] --admin-login L --admin-password-file F\n"
        "                          [--admin-name NAME] [--profile bank|securities] [--head-office-code HO]\n"
        "                          [--head-office-name NAME] [--listen HOST:PORT]\n"
        "  casedesk-server serve   --data DIR [--listen 127.0.0.1:8640] [--tls-cert F --tls-key F]\n"
        "  casedesk-server user    add --data DIR --login L --name NAME --roles reception[,handler,…]\n"
        "                              --branch CODE --password-file F [--unit UNIT] [--phone P]\n"
        "  casedesk-server user    disable|enable --data DIR --login L\n"
        "  casedesk-server user    reset-password --data DIR --login L --password-file F\n"
        "  casedesk-server user    list --data DIR\n"
        "  casedesk-server branch  add --data DIR --code SH01 --name NAME [--parent CODE]\n"
        "                              [--timezone Asia/Shanghai] [--cutoff 17:00]\n"
        "  casedesk-server branch  list --data DIR\n"
        "  casedesk-server backup  --data DIR --out FILE\n"
        "  casedesk-server restore --data DIR --from FILE\n"
        "  casedesk-server demo    --data DIR [--password-file F] [--seed N]\n"
        "Password files hold the password on their first line; “-” reads it from standard input.\n");
    stream.flush();
    return code;
}

bool ServerCommandLine::parse(QCommandLineParser &parser, const QStringList &arguments, const QStringList &required)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(arguments)) {
        fail(parser.errorText());
        return false;
    }
    for (const QString &name : required) {
        if (!parser.isSet(name) || parser.value(name).trimmed().isEmpty()) {
            fail(tr("--%1 is required.").arg(name));
            return false;
        }
    }
    return true;
}

Result<QString> ServerCommandLine::readPassword(const QString &file)
{
    QByteArray content;
    if (file == QLatin1String("-")) {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return Error {
                QStringLiteral("password_file_unreadable"), tr("Cannot read the password from standard input."), {}};
        content = input.readLine();
    } else {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly))
            return Error {
                QStringLiteral("password_file_unreadable"), tr("Cannot read the password file %1.").arg(file), {}};
        content = input.readLine();
    }
    QString password = QString::fromUtf8(content);
    while (password.endsWith(QLatin1Char('\n')) || password.endsWith(QLatin1Char('\r')))
        password.chop(1);
    if (password.isEmpty())
        return Error {QStringLiteral("empty_password"), tr("The password file %1 is empty.").arg(file), {}};
    return password;
}

int ServerCommandLine::run(const QStringList &arguments)
{
    // Everything this program creates (database, logs, backups) holds personal data: owner only.
    ::umask(077);
    if (arguments.size() < 2)
        return usage(2);
    const QString command = arguments.at(1);
    // QCommandLineParser expects a program name first; the subcommand takes its place.
    const QStringList rest = QStringList {m_program + QLatin1Char(' ') + command} + arguments.mid(2);
    if (command == QLatin1String("help") || command == QLatin1String("--help") || command == QLatin1String("-h"))
        return usage(0);
    if (command == QLatin1String("--version") || command == QLatin1String("version")) {
        m_out << m_program << ' ' << m_version << '\n';
        m_out.flush();
        return 0;
    }
    if (command == QLatin1String("init"))
        return init(rest);
    if (command == QLatin1String("serve"))
        return serve(rest);
    if (command == QLatin1String("user"))
        return user(rest);
    if (command == QLatin1String("branch"))
        return branch(rest);
    if (command == QLatin1String("backup"))
        return backup(rest);
    if (command == QLatin1String("restore"))
        return restore(rest);
    if (command == QLatin1String("demo"))
        return demo(rest);
    fail(tr("“%1” is not a command.").arg(command));
    return usage(2);
}

int ServerCommandLine::init(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({dataOption(),
        option(QStringLiteral("db-url"), tr("PostgreSQL database instead of SQLite."), QStringLiteral("URL")),
        option(QStringLiteral("admin-login"), tr("Login of the first administrator."), QStringLiteral("L")),
        option(QStringLiteral("admin-password-file"), tr("File holding their password."), QStringLiteral("F")),
        option(QStringLiteral("admin-name"), tr("Their name."), QStringLiteral("NAME")),
        option(QStringLiteral("profile"), tr("Rule profile: bank or securities."), QStringLiteral("P")),
        option(QStringLiteral("head-office-code"), tr("Code of the head office."), QStringLiteral("CODE")),
        option(QStringLiteral("head-office-name"), tr("Name of the head office."), QStringLiteral("NAME")),
        option(QStringLiteral("listen"), tr("Address to serve on."), QStringLiteral("HOST:PORT"))});
    if (!parse(parser, arguments,
            {QStringLiteral("data"), QStringLiteral("admin-login"), QStringLiteral("admin-password-file")}))
        return 2;
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("Unexpected argument “%1”.").arg(parser.positionalArguments().first()));
    const QString dir = parser.value(QStringLiteral("data"));
    auto password = readPassword(parser.value(QStringLiteral("admin-password-file")));
    if (!password)
        return fail(password.error());
    if (auto ok = PasswordHasher::checkPolicy(*password); !ok)
        return fail(ok.error());

    ServerConfig config;
    if (parser.isSet(QStringLiteral("profile"))) {
        config.profile = parser.value(QStringLiteral("profile"));
        if (!RulePack::availableProfiles().contains(config.profile))
            return fail(tr("“%1” is not a rule profile; profiles are %2.")
                            .arg(config.profile, RulePack::availableProfiles().join(QStringLiteral(", "))));
    }
    if (parser.isSet(QStringLiteral("listen"))) {
        if (auto address = ListenAddress::parse(parser.value(QStringLiteral("listen"))); !address)
            return fail(address.error());
        config.listen = parser.value(QStringLiteral("listen"));
    }
    if (parser.isSet(QStringLiteral("db-url"))) {
        config.databaseUrl = parser.value(QStringLiteral("db-url"));
        if (!DataDirectory::isPostgres(config.databaseUrl))
            return fail(tr("--db-url takes a postgresql://user:password@host:port/database URL."));
        // "init" makes a new installation: it does not take over a database that has one.
        auto database = Database::open(config.databaseUrl);
        if (!database)
            return fail(database.error());
        auto existing = (*database)->scalar(
            QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"));
        if (existing && existing->toInt() > 0)
            return fail(tr("The database at --db-url already holds a CaseDesk installation; init needs an empty one."));
    }

    const bool existed = QFileInfo::exists(dir);
    if (auto created = DataDirectory::create(dir, config); !created)
        return fail(created.error());
    auto data = DataDirectory::open(dir);
    if (!data) {
        removeCreated(dir, existed);
        return fail(data.error());
    }
    SystemClock clock;
    Authenticator authenticator((*data)->cases(), (*data)->accounts(), clock,
        {config.lockoutThreshold, config.lockoutSeconds, config.sessionHours, config.strength()});
    OrganisationAdmin admin((*data)->cases(), authenticator, (*data)->rules()->taxonomy(), clock);
    const QString headCode = parser.isSet(QStringLiteral("head-office-code"))
        ? parser.value(QStringLiteral("head-office-code"))
        : QStringLiteral("HO");
    const QString headName = parser.isSet(QStringLiteral("head-office-name"))
        ? parser.value(QStringLiteral("head-office-name"))
        : tr("Head office");
    auto head = admin.addBranch({headCode, headName, {}, {}, {}});
    if (!head) {
        data->reset();
        removeCreated(dir, existed);
        return fail(head.error());
    }
    const QString adminName
        = parser.isSet(QStringLiteral("admin-name")) ? parser.value(QStringLiteral("admin-name")) : tr("Administrator");
    auto user = admin.addUser({parser.value(QStringLiteral("admin-login")), adminName, {QStringLiteral("admin")},
        headCode, {}, {}, *password});
    if (!user) {
        data->reset();
        removeCreated(dir, existed);
        return fail(user.error());
    }
    m_out << tr("Initialised %1 (%2 database, profile %3): head office %4, administrator %5.\n"
                "The field-encryption key is %6 — back it up separately; without it the complainants' phone and ID "
                "numbers cannot be read.\nStart the server with: casedesk-server serve --data %1\n")
                 .arg(QDir(dir).absolutePath(), (*data)->database().dialect().name(), config.profile, head->code,
                     user->login, DataDirectory::keyFile(QDir(dir).absolutePath()));
    m_out.flush();
    return 0;
}

int ServerCommandLine::serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({dataOption(),
        option(QStringLiteral("listen"), tr("Address to serve on (default: the conf's)."), QStringLiteral("HOST:PORT")),
        option(QStringLiteral("tls-cert"), tr("PEM certificate chain for HTTPS."), QStringLiteral("F")),
        option(QStringLiteral("tls-key"), tr("PEM private key for HTTPS."), QStringLiteral("F"))});
    if (!parse(parser, arguments, {QStringLiteral("data")}))
        return 2;
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("Unexpected argument “%1”.").arg(parser.positionalArguments().first()));
    ServerRuntime::Overrides overrides {parser.value(QStringLiteral("listen")),
        parser.value(QStringLiteral("tls-cert")), parser.value(QStringLiteral("tls-key"))};
    auto runtime = ServerRuntime::start(parser.value(QStringLiteral("data")), overrides, m_version);
    if (!runtime)
        return fail(runtime.error());
    // Scripts and tests read this line to learn the address (the port may have been chosen by the system).
    m_out << m_program << " listening on " << (*runtime)->url().toString() << '\n';
    if (!(*runtime)->metricsUrl().isEmpty())
        m_out << m_program << " metrics on " << (*runtime)->metricsUrl().toString() << "/metrics\n";
    m_out.flush();
    TerminationSignal termination;
    ServerRuntime *running = runtime->get();
    QObject::connect(&termination, &TerminationSignal::received, &termination, [running](int) {
        running->stop();
        QCoreApplication::quit();
    });
    const int code = QCoreApplication::exec();
    runtime->reset();
    return code;
}

int ServerCommandLine::user(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({dataOption(), option(QStringLiteral("login"), tr("The user's login."), QStringLiteral("L")),
        option(QStringLiteral("name"), tr("The user's name."), QStringLiteral("NAME")),
        option(QStringLiteral("roles"), tr("Comma-separated roles."), QStringLiteral("ROLES")),
        option(QStringLiteral("branch"), tr("Code of the user's branch."), QStringLiteral("CODE")),
        option(QStringLiteral("unit"), tr("Handling unit code."), QStringLiteral("UNIT")),
        option(QStringLiteral("phone"), tr("The user's work phone."), QStringLiteral("P")),
        option(QStringLiteral("password-file"), tr("File holding the password."), QStringLiteral("F"))});
    parser.addPositionalArgument(QStringLiteral("action"), tr("add, disable, enable, reset-password or list"));
    if (!parse(parser, arguments, {QStringLiteral("data")}))
        return 2;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QStringList actions = {QStringLiteral("add"), QStringLiteral("disable"), QStringLiteral("enable"),
        QStringLiteral("reset-password"), QStringLiteral("list")};
    if (positional.size() != 1 || !actions.contains(action))
        return fail(tr("“user” needs one of: %1.").arg(actions.join(QStringLiteral(", "))));
    QStringList required;
    if (action == QLatin1String("add"))
        required = {QStringLiteral("login"), QStringLiteral("name"), QStringLiteral("roles"), QStringLiteral("branch"),
            QStringLiteral("password-file")};
    else if (action == QLatin1String("reset-password"))
        required = {QStringLiteral("login"), QStringLiteral("password-file")};
    else if (action != QLatin1String("list"))
        required = {QStringLiteral("login")};
    for (const QString &name : required) {
        if (!parser.isSet(name) || parser.value(name).trimmed().isEmpty())
            return fail(tr("--%1 is required for “user %2”.").arg(name, action));
    }
    QString password;
    if (parser.isSet(QStringLiteral("password-file"))) {
        auto read = readPassword(parser.value(QStringLiteral("password-file")));
        if (!read)
            return fail(read.error());
        password = *read;
    }
    auto data = DataDirectory::open(parser.value(QStringLiteral("data")));
    if (!data)
        return fail(data.error());
    const ServerConfig &config = (*data)->config();
    SystemClock clock;
    Authenticator authenticator((*data)->cases(), (*data)->accounts(), clock,
        {config.lockoutThreshold, config.lockoutSeconds, config.sessionHours, config.strength()});
    OrganisationAdmin admin((*data)->cases(), authenticator, (*data)->rules()->taxonomy(), clock);
    const QString login = parser.value(QStringLiteral("login"));
    if (action == QLatin1String("add")) {
        auto added = admin.addUser({login, parser.value(QStringLiteral("name")),
            parser.value(QStringLiteral("roles")).split(QLatin1Char(','), Qt::SkipEmptyParts),
            parser.value(QStringLiteral("branch")), parser.value(QStringLiteral("unit")),
            parser.value(QStringLiteral("phone")), password});
        if (!added)
            return fail(added.error());
        m_out << tr("Added user %1 (%2) with roles %3 at branch %4.\n")
                     .arg(added->login, added->name, rolesText(*added), parser.value(QStringLiteral("branch")));
    } else if (action == QLatin1String("disable") || action == QLatin1String("enable")) {
        if (auto ok = admin.setDisabled(login, action == QLatin1String("disable")); !ok)
            return fail(ok.error());
        m_out << (action == QLatin1String("disable") ? tr("Disabled %1; their sessions have ended.\n").arg(login)
                                                     : tr("Enabled %1.\n").arg(login));
    } else if (action == QLatin1String("reset-password")) {
        if (auto ok = admin.resetPassword(login, password); !ok)
            return fail(ok.error());
        m_out << tr("New password set for %1; the account is unlocked and its sessions have ended.\n").arg(login);
    } else {
        auto users = (*data)->cases().users();
        auto branches = (*data)->cases().branches();
        if (!users)
            return fail(users.error());
        if (!branches)
            return fail(branches.error());
        QHash<QString, QString> codes;
        for (const Branch &b : branches.value())
            codes.insert(b.id, b.code);
        for (const User &u : users.value()) {
            m_out << u.login << '\t' << u.name << '\t' << rolesText(u) << '\t' << codes.value(u.branchId) << '\t'
                  << (u.unit.isEmpty() ? QStringLiteral("-") : u.unit) << '\t'
                  << (u.disabled ? QStringLiteral("disabled") : QStringLiteral("active")) << '\n';
        }
    }
    m_out.flush();
    return 0;
}

int ServerCommandLine::branch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(
        {dataOption(), option(QStringLiteral("code"), tr("Branch code, e.g. SH01."), QStringLiteral("CODE")),
            option(QStringLiteral("name"), tr("Branch name."), QStringLiteral("NAME")),
            option(QStringLiteral("parent"), tr("Code of the parent branch."), QStringLiteral("CODE")),
            option(QStringLiteral("timezone"), tr("Time zone, e.g. Asia/Shanghai."), QStringLiteral("ZONE")),
            option(QStringLiteral("cutoff"), tr("Closing time, e.g. 17:00."), QStringLiteral("HH:MM"))});
    parser.addPositionalArgument(QStringLiteral("action"), tr("add or list"));
    if (!parse(parser, arguments, {QStringLiteral("data")}))
        return 2;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 1 || (action != QLatin1String("add") && action != QLatin1String("list")))
        return fail(tr("“branch” needs one of: add, list."));
    if (action == QLatin1String("add")) {
        for (const QString &name : {QStringLiteral("code"), QStringLiteral("name")}) {
            if (!parser.isSet(name) || parser.value(name).trimmed().isEmpty())
                return fail(tr("--%1 is required for “branch add”.").arg(name));
        }
    }
    auto data = DataDirectory::open(parser.value(QStringLiteral("data")));
    if (!data)
        return fail(data.error());
    if (action == QLatin1String("add")) {
        const ServerConfig &config = (*data)->config();
        SystemClock clock;
        Authenticator authenticator((*data)->cases(), (*data)->accounts(), clock,
            {config.lockoutThreshold, config.lockoutSeconds, config.sessionHours, config.strength()});
        OrganisationAdmin admin((*data)->cases(), authenticator, (*data)->rules()->taxonomy(), clock);
        auto added = admin.addBranch({parser.value(QStringLiteral("code")), parser.value(QStringLiteral("name")),
            parser.value(QStringLiteral("parent")), parser.value(QStringLiteral("timezone")),
            parser.value(QStringLiteral("cutoff"))});
        if (!added)
            return fail(added.error());
        m_out << tr("Added branch %1 (%2), time zone %3, cut-off %4.\n")
                     .arg(added->code, added->name, added->timeZone, added->cutoff.toString(QStringLiteral("HH:mm")));
    } else {
        auto branches = (*data)->cases().branches();
        if (!branches)
            return fail(branches.error());
        QHash<QString, QString> codes;
        for (const Branch &b : branches.value())
            codes.insert(b.id, b.code);
        for (const Branch &b : branches.value()) {
            m_out << b.code << '\t' << b.name << '\t'
                  << (b.parentId.isEmpty() ? QStringLiteral("-") : codes.value(b.parentId)) << '\t' << b.timeZone
                  << '\t' << b.cutoff.toString(QStringLiteral("HH:mm")) << '\n';
        }
    }
    m_out.flush();
    return 0;
}

int ServerCommandLine::backup(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(
        {dataOption(), option(QStringLiteral("out"), tr("The backup file to write."), QStringLiteral("FILE"))});
    if (!parse(parser, arguments, {QStringLiteral("data"), QStringLiteral("out")}))
        return 2;
    auto info = DatabaseBackup::backup(parser.value(QStringLiteral("data")), parser.value(QStringLiteral("out")));
    if (!info)
        return fail(info.error());
    m_out << tr("Backed up %1 cases (revision %2) to %3 (%4 bytes), checked.\n"
                "The field-encryption key is not in the backup: keep a copy of %5 with it.\n")
                 .arg(info->cases)
                 .arg(info->revision)
                 .arg(info->file)
                 .arg(info->bytes)
                 .arg(DataDirectory::keyFile(QDir(parser.value(QStringLiteral("data"))).absolutePath()));
    m_out.flush();
    return 0;
}

int ServerCommandLine::restore(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(
        {dataOption(), option(QStringLiteral("from"), tr("The backup file to restore."), QStringLiteral("FILE"))});
    if (!parse(parser, arguments, {QStringLiteral("data"), QStringLiteral("from")}))
        return 2;
    auto restored = DatabaseBackup::restore(parser.value(QStringLiteral("data")), parser.value(QStringLiteral("from")));
    if (!restored)
        return fail(restored.error());
    m_out << tr("Restored %1 cases (revision %2) from %3.\n")
                 .arg(restored->first.cases)
                 .arg(restored->first.revision)
                 .arg(restored->first.file);
    if (!restored->second.isEmpty())
        m_out << tr("The previous database was kept as %1.\n").arg(restored->second);
    m_out.flush();
    return 0;
}

int ServerCommandLine::demo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({dataOption(),
        option(QStringLiteral("password-file"), tr("Password for every demo user (default: random)."),
            QStringLiteral("F")),
        option(QStringLiteral("seed"), tr("Random seed; the same seed gives the same cases."), QStringLiteral("N"))});
    if (!parse(parser, arguments, {QStringLiteral("data")}))
        return 2;
    QString password;
    if (parser.isSet(QStringLiteral("password-file"))) {
        auto read = readPassword(parser.value(QStringLiteral("password-file")));
        if (!read)
            return fail(read.error());
        password = *read;
    }
    bool seedOk = true;
    const quint32 seed
        = parser.isSet(QStringLiteral("seed")) ? parser.value(QStringLiteral("seed")).toUInt(&seedOk) : 20261124;
    if (!seedOk)
        return fail(tr("--seed takes a whole number."));
    // Progress goes to stderr, so stdout holds only the results (scripts keep them).
    m_err << tr("Seeding a year of demo complaints; this takes a minute or two …\n");
    m_err.flush();
    auto outcome = DemoSeeder::seed(parser.value(QStringLiteral("data")), password, seed);
    if (!outcome)
        return fail(outcome.error());
    const DemoSummary &s = outcome->summary;
    m_out << tr("Demo data from %1 to %2: %3 cases, %4 open (%5 overdue), %6 repeats, %7 escalated; on time %8%, "
                "satisfied %9%.\n")
                 .arg(s.from.toString(Qt::ISODate), s.to.toString(Qt::ISODate))
                 .arg(s.cases)
                 .arg(s.open)
                 .arg(s.overdueOpen)
                 .arg(s.repeats)
                 .arg(s.escalated)
                 .arg(qRound(s.onTimeRate() * 100))
                 .arg(qRound(s.satisfactionRate() * 100));
    m_out << tr("Demo logins (password for all: %1):\n").arg(outcome->password);
    for (const DemoLogin &login : outcome->logins)
        m_out << "  " << login.login.leftJustified(14) << ' ' << login.name << "  " << login.roles << " @ "
              << login.branchCode << '\n';
    m_out << tr("The list is also in %1.\n").arg(outcome->loginsFile);
    m_out.flush();
    return 0;
}

} // namespace casedesk
