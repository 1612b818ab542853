#include "DataDirectory.h"

#include "AccountStore.h"
#include "OpLog.h"
#include "casework/CaseRules.h"
#include "security/FieldCipher.h"
#include "security/KeyFile.h"
#include "security/KeyedHasher.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <sys/stat.h>

namespace casedesk {

QString DataDirectory::configFile(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("casedesk.conf"));
}

QString DataDirectory::keyFile(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("field.key"));
}

QString DataDirectory::logDirectory(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("logs"));
}

QString DataDirectory::lockFile(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("server.lock"));
}

bool DataDirectory::isPostgres(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

QString DataDirectory::databaseLocation(const QString &dir, const QString &url)
{
    if (isPostgres(url))
        return url;
    return QDir::cleanPath(QDir(dir).absoluteFilePath(url));
}

Status DataDirectory::create(const QString &dir, const ServerConfig &config)
{
    const QFileInfo info(dir);
    if (info.exists()) {
        if (!info.isDir())
            return Error {QStringLiteral("data_dir_exists"), tr("%1 exists and is not a directory.").arg(dir), {}};
        if (!QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
            return Error {QStringLiteral("data_dir_exists"),
                tr("%1 already exists and is not empty; “init” only creates a new data directory.").arg(dir), {}};
        }
    } else if (!QDir().mkpath(dir)) {
        return Error {QStringLiteral("data_dir_create_failed"), tr("Cannot create the directory %1.").arg(dir), {}};
    }
    // Personal data and keys live here: nobody but the server's account may look in (DESIGN §7).
    if (::chmod(QFile::encodeName(dir).constData(), 0700) != 0)
        return Error {QStringLiteral("data_dir_create_failed"), tr("Cannot restrict access to %1.").arg(dir), {}};
    if (!QDir().mkpath(logDirectory(dir)))
        return Error {QStringLiteral("data_dir_create_failed"), tr("Cannot create %1.").arg(logDirectory(dir)), {}};
    if (auto saved = config.save(configFile(dir)); !saved)
        return saved;
    if (auto key = KeyFile::loadOrCreate(keyFile(dir)); !key)
        return key.error();
    return {};
}

Result<std::unique_ptr<DataDirectory>> DataDirectory::open(const QString &dir)
{
    auto config = ServerConfig::load(configFile(dir));
    if (!config)
        return config.error();
    // The key is never created here: a missing key means every stored phone number is lost, which
    // must be noticed, not papered over with a new key.
    if (!QFileInfo::exists(keyFile(dir))) {
        return Error {QStringLiteral("key_file_missing"),
            tr("The field-encryption key %1 is missing; restore it from your key backup.").arg(keyFile(dir)), {}};
    }
    auto master = KeyFile::loadOrCreate(keyFile(dir));
    if (!master)
        return master.error();

    std::unique_ptr<DataDirectory> data(new DataDirectory);
    data->m_path = QDir(dir).absolutePath();
    data->m_config = config.value();
    QDir().mkpath(logDirectory(dir));
    auto database = Database::open(data->databaseLocation());
    if (!database)
        return database.error();
    data->m_database = std::move(database.value());
    data->m_cipher = std::make_unique<FieldCipher>(KeyFile::fieldEncryptionKey(*master));
    data->m_hasher = std::make_unique<KeyedHasher>(KeyFile::lookupHashKey(*master));
    data->m_cases = std::make_unique<CaseStore>(*data->m_database, data->m_cipher.get());
    data->m_accounts = std::make_unique<AccountStore>(*data->m_database);
    data->m_opLog = std::make_unique<OpLog>(*data->m_database);
    // Accounts reference users, so the case store's tables come first.
    if (auto ok = data->m_cases->migrate(); !ok)
        return ok.error();
    if (auto ok = data->m_accounts->migrate(); !ok)
        return ok.error();
    if (auto ok = data->m_opLog->migrate(); !ok)
        return ok.error();
    auto rules = CaseRules::load(data->m_path, data->m_config.profile);
    if (!rules)
        return rules.error();
    data->m_rules = rules.value();
    return data;
}

DataDirectory::~DataDirectory()
{
    // Stores hold references to the database: release them first.
    m_opLog.reset();
    m_accounts.reset();
    m_cases.reset();
    m_database.reset();
}

} // namespace casedesk
