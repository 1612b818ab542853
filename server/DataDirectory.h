#pragma once

#include "ServerConfig.h"
#include "base/Result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace casedesk {

class AccountStore;
class CaseRules;
class CaseStore;
class Database;
class FieldCipher;
class KeyedHasher;
class OpLog;

// A server's data directory (DESIGN §4): casedesk.conf, the SQLite database (unless the conf names a
// PostgreSQL URL), the field-encryption key (mode 0600, outside the database, DESIGN §7) and logs/.
// open() hands out everything that lives there: the settings, the migrated stores and the keys.
class DataDirectory
{
    Q_DECLARE_TR_FUNCTIONS(DataDirectory)

public:
    static QString configFile(const QString &dir);
    static QString keyFile(const QString &dir);
    static QString logDirectory(const QString &dir);
    static QString lockFile(const QString &dir);
    // The database a conf's database/url names: an absolute file path, or the URL itself.
    static QString databaseLocation(const QString &dir, const QString &url);
    static bool isPostgres(const QString &location);

    // Creates the directory (mode 0700) with its conf, key and logs/; refuses a directory that exists
    // and is not empty. The database is created by open().
    static Status create(const QString &dir, const ServerConfig &config);
    // Opens an existing directory: reads the conf and key, opens and migrates the database, loads the rules.
    static Result<std::unique_ptr<DataDirectory>> open(const QString &dir);
    ~DataDirectory();

    QString path() const { return m_path; }
    const ServerConfig &config() const { return m_config; }
    QString databaseLocation() const { return databaseLocation(m_path, m_config.databaseUrl); }
    Database &database() const { return *m_database; }
    CaseStore &cases() const { return *m_cases; }
    AccountStore &accounts() const { return *m_accounts; }
    OpLog &opLog() const { return *m_opLog; }
    const FieldCipher &cipher() const { return *m_cipher; }
    const KeyedHasher &hasher() const { return *m_hasher; }
    std::shared_ptr<const CaseRules> rules() const { return m_rules; }

private:
    DataDirectory() = default;

    QString m_path;
    ServerConfig m_config;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<FieldCipher> m_cipher;
    std::unique_ptr<KeyedHasher> m_hasher;
    std::unique_ptr<CaseStore> m_cases;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<OpLog> m_opLog;
    std::shared_ptr<const CaseRules> m_rules;
};

} // namespace casedesk
