#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

namespace casedesk {

// What a backup file holds, as checked before it is used.
struct BackupInfo
{
    QString file;
    qint64 bytes = 0;
    QMap<QString, int> schemaVersions; // component → version
    qint64 revision = 0;
    qint64 cases = 0;
};

// `backup` and `restore` of DESIGN §4 for SQLite data directories. A backup is a consistent online
// copy (VACUUM INTO inside one read transaction, so the server keeps running and writing). A restore
// first checks the file — integrity_check, schema versions this program knows, and that the data
// directory's key decrypts its personal data — and only then swaps it in, keeping the old database.
class DatabaseBackup
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseBackup)

public:
    static Result<BackupInfo> backup(const QString &dataDir, const QString &outFile);
    // Checks a backup without changing anything.
    static Result<BackupInfo> check(const QString &dataDir, const QString &file);
    // Replaces the data directory's database with the backup; the server must be stopped.
    // Returns the check's findings and the file the old database was moved to.
    static Result<QPair<BackupInfo, QString>> restore(const QString &dataDir, const QString &fromFile);
};

} // namespace casedesk
