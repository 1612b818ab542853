#include "DatabaseBackup.h"

#include "AccountStore.h"
#include "DataDirectory.h"
#include "OpLog.h"
#include "security/FieldCipher.h"
#include "security/KeyFile.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace casedesk {

namespace {

QAtomicInt checkCounter;

Error failure(const QString &code, const QString &message)
{
    return {code, message, {}};
}

// Flushes a file (or directory) to the disk, so a backup or a swapped-in database survives a power cut.
bool syncPath(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

Result<QString> sqliteLocation(const QString &dataDir)
{
    auto config = ServerConfig::load(DataDirectory::configFile(dataDir));
    if (!config)
        return config.error();
    const QString location = DataDirectory::databaseLocation(dataDir, config->databaseUrl);
    if (DataDirectory::isPostgres(location)) {
        return failure(QStringLiteral("backup_unsupported"),
            DatabaseBackup::tr("This data directory keeps its data in PostgreSQL; back it up with pg_dump "
                               "and restore it with pg_restore."));
    }
    return location;
}

} // namespace

Result<BackupInfo> DatabaseBackup::check(const QString &dataDir, const QString &file)
{
    if (!QFileInfo(file).isFile())
        return failure(QStringLiteral("backup_missing"), tr("%1 is not a file.").arg(file));
    const QString name = QStringLiteral("casedesk-backup-check-%1").arg(checkCounter.fetchAndAddRelaxed(1));
    auto cleanup = qScopeGuard([&name] { QSqlDatabase::removeDatabase(name); });
    BackupInfo info;
    info.file = QFileInfo(file).absoluteFilePath();
    info.bytes = QFileInfo(file).size();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            return failure(
                QStringLiteral("backup_unreadable"), tr("Cannot open %1: %2").arg(file, db.lastError().text()));
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA integrity_check")) || !query.next()
            || query.value(0).toString() != QLatin1String("ok")) {
            const QString finding = query.lastError().isValid() ? query.lastError().text() : query.value(0).toString();
            return failure(QStringLiteral("backup_corrupt"),
                tr("%1 is damaged or not a database (integrity check: %2).").arg(file, finding));
        }
        query.finish();
        if (!query.exec(QStringLiteral("SELECT component, MAX(version) FROM schema_migrations GROUP BY component")))
            return failure(QStringLiteral("backup_not_casedesk"), tr("%1 is not a CaseDesk database.").arg(file));
        while (query.next())
            info.schemaVersions.insert(query.value(0).toString(), query.value(1).toInt());
        query.finish();
        const QMap<QString, int> known = {{CaseStore::component(), int(CaseStore::migrations().size())},
            {AccountStore::component(), int(AccountStore::migrations().size())},
            {OpLog::component(), int(OpLog::migrations().size())}};
        if (!info.schemaVersions.contains(CaseStore::component())
            || !info.schemaVersions.contains(AccountStore::component()))
            return failure(
                QStringLiteral("backup_not_casedesk"), tr("%1 is not a CaseDesk server database.").arg(file));
        for (auto it = info.schemaVersions.cbegin(); it != info.schemaVersions.cend(); ++it) {
            if (known.contains(it.key()) && it.value() > known.value(it.key())) {
                return failure(QStringLiteral("schema_too_new"),
                    tr("%1 was written by a newer CaseDesk (%2 schema version %3; this program knows %4).")
                        .arg(file, it.key())
                        .arg(it.value())
                        .arg(known.value(it.key())));
            }
        }
        if (query.exec(QStringLiteral("SELECT value FROM revision_counter WHERE id = 1")) && query.next())
            info.revision = query.value(0).toLongLong();
        query.finish();
        if (query.exec(QStringLiteral("SELECT COUNT(*) FROM cases")) && query.next())
            info.cases = query.value(0).toLongLong();
        query.finish();
        // A backup is only useful with the key its personal data was encrypted with (DESIGN §7).
        if (query.exec(QStringLiteral("SELECT id, complainant_phone FROM cases WHERE complainant_phone IS NOT NULL "
                                      "AND complainant_phone <> '' LIMIT 1"))
            && query.next()) {
            auto master = KeyFile::loadOrCreate(DataDirectory::keyFile(dataDir));
            if (!master)
                return master.error();
            const FieldCipher cipher(KeyFile::fieldEncryptionKey(*master));
            const QString caseId = query.value(0).toString();
            if (!cipher.decrypt(query.value(1).toString(), (caseId + QStringLiteral("/phone")).toUtf8())) {
                return failure(QStringLiteral("backup_key_mismatch"),
                    tr("The personal data in %1 was encrypted with another key than %2; restore the key "
                       "that belongs to this backup first.")
                        .arg(file, DataDirectory::keyFile(dataDir)));
            }
        }
        query.finish();
        db.close();
    }
    return info;
}

Result<BackupInfo> DatabaseBackup::backup(const QString &dataDir, const QString &outFile)
{
    auto location = sqliteLocation(dataDir);
    if (!location)
        return location.error();
    const QString target = QFileInfo(outFile).absoluteFilePath();
    if (QFileInfo::exists(target))
        return failure(QStringLiteral("backup_exists"), tr("%1 exists already; choose a new file name.").arg(target));
    if (!QFileInfo(QFileInfo(target).absolutePath()).isDir())
        return failure(QStringLiteral("backup_failed"), tr("The directory of %1 does not exist.").arg(target));
    {
        auto database = Database::open(*location);
        if (!database)
            return database.error();
        // VACUUM INTO reads one snapshot: a consistent copy while the server keeps writing.
        auto copied = (*database)->exec(QStringLiteral("VACUUM INTO ?"), {target});
        if (!copied) {
            QFile::remove(target);
            return failure(QStringLiteral("backup_failed"), tr("The backup failed: %1").arg(copied.error().message));
        }
    }
    // Complainants' names are in it: only the server's account may read it.
    ::chmod(QFile::encodeName(target).constData(), 0600);
    if (!syncPath(target) || !syncPath(QFileInfo(target).absolutePath()))
        return failure(QStringLiteral("backup_failed"), tr("Cannot flush %1 to disk.").arg(target));
    return check(dataDir, target);
}

Result<QPair<BackupInfo, QString>> DatabaseBackup::restore(const QString &dataDir, const QString &fromFile)
{
    QLockFile lock(DataDirectory::lockFile(dataDir));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        lock.getLockInfo(&pid, &host, &app);
        return failure(QStringLiteral("server_running"),
            tr("A server (process %1) is using %2; stop it before restoring.").arg(pid).arg(dataDir));
    }
    auto location = sqliteLocation(dataDir);
    if (!location)
        return location.error();
    auto info = check(dataDir, fromFile);
    if (!info)
        return info.error();

    QString aside;
    if (QFileInfo::exists(*location)) {
        {
            // Fold the write-ahead log into the old file, so moving the file aside keeps all of it.
            auto database = Database::open(*location);
            if (!database)
                return database.error();
            (void)(*database)->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        aside = *location + QStringLiteral(".before-restore-")
            + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    }
    const QString incoming = *location + QStringLiteral(".restoring");
    QFile::remove(incoming);
    if (!QFile::copy(fromFile, incoming))
        return failure(QStringLiteral("restore_failed"), tr("Cannot copy %1 into %2.").arg(fromFile, dataDir));
    ::chmod(QFile::encodeName(incoming).constData(), 0600);
    if (!syncPath(incoming)) {
        QFile::remove(incoming);
        return failure(QStringLiteral("restore_failed"), tr("Cannot flush the restored database to disk."));
    }
    if (!aside.isEmpty()) {
        if (!QFile::rename(*location, aside)) {
            QFile::remove(incoming);
            return failure(QStringLiteral("restore_failed"), tr("Cannot move the current database aside."));
        }
        // The old database's log and shared memory must not be applied to the restored file.
        QFile::remove(*location + QStringLiteral("-wal"));
        QFile::remove(*location + QStringLiteral("-shm"));
    }
    if (!QFile::rename(incoming, *location))
        return failure(QStringLiteral("restore_failed"), tr("Cannot put the restored database in place."));
    syncPath(QFileInfo(*location).absolutePath());
    // Brings an older backup's schema up to date and proves the directory opens.
    auto opened = DataDirectory::open(dataDir);
    if (!opened)
        return opened.error();
    return QPair<BackupInfo, QString>(*info, aside);
}

} // namespace casedesk
