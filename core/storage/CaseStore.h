#pragma once

#include "base/Result.h"
#include "domain/AuditEvent.h"
#include "domain/Branch.h"
#include "domain/Case.h"
#include "domain/CaseRecord.h"
#include "domain/CorrectiveAction.h"
#include "domain/User.h"
#include "storage/CaseQuery.h"
#include "storage/Migration.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlQuery>

#include <optional>

namespace casedesk {

class Database;
class FieldCipher;

struct CasePage
{
    QList<Case> cases;
    QString nextCursor; // empty on the last page
};

// The cases, their appended records, the audit trail, corrective actions and the directory of
// branches and users, in one database (server and client alike). Owns its schema and SQL.
// With a FieldCipher, complainant phone and ID number are encrypted at rest (DESIGN §7).
class CaseStore
{
    Q_DECLARE_TR_FUNCTIONS(CaseStore)

public:
    explicit CaseStore(Database &database, const FieldCipher *cipher = nullptr);

    static QString component() { return QStringLiteral("cases"); }
    static QList<Migration> migrations();
    Status migrate();

    Database &database() const { return m_database; }

    // The server's global change counter (DESIGN §6): call inside the write's transaction; the
    // counter row's lock serialises writers, so revisions commit in order and pull never skips one.
    Result<qint64> nextRevision();
    Result<qint64> currentRevision();

    Status insertCase(const Case &c);
    Status updateCase(const Case &c); // the whole row, by id
    Status upsertCase(const Case &c); // client: apply what the server sent
    Result<std::optional<Case>> findCase(const QString &id);
    Result<std::optional<Case>> findCaseByNumber(const QString &number);
    Result<CasePage> listCases(const CaseQuery &query);
    Result<qint64> countCases(const CaseQuery &query);
    // Earlier cases with the same phone or ID hash in a category since a date: repeat detection.
    Result<QList<Case>> findByContact(const QString &phoneHash, const QString &idNumberHash, const QString &category,
        const QDateTime &since, const QString &excludeId = {});
    // Highest sequence used for case numbers starting with prefix ("SH01-20261124-A").
    Result<int> lastNumberSequence(const QString &prefix);

    Status appendRecord(const CaseRecord &record);
    Status upsertRecord(const CaseRecord &record);
    Result<QList<CaseRecord>> records(const QString &caseId, const QString &kind = {});
    Result<std::optional<CaseRecord>> findRecord(const QString &id);

    Status appendAudit(const AuditEvent &event);
    Status upsertAudit(const AuditEvent &event);
    Result<QList<AuditEvent>> auditTrail(const QString &caseId);
    Result<std::optional<AuditEvent>> findAuditEvent(const QString &id);

    Status saveCorrectiveAction(const CorrectiveAction &action);
    Result<std::optional<CorrectiveAction>> findCorrectiveAction(const QString &id);
    Result<QList<CorrectiveAction>> correctiveActions(const QStringList &branchIds, const QString &caseId = {});

    Status saveBranch(const Branch &branch);
    Result<QList<Branch>> branches();
    Result<std::optional<Branch>> findBranch(const QString &id);
    Result<std::optional<Branch>> findBranchByCode(const QString &code);
    // The branch and every branch below it (scope of a reader, BRIEF §1).
    Result<QStringList> branchSubtree(const QString &branchId);

    Status saveUser(const User &user);
    Result<QList<User>> users();
    Result<std::optional<User>> findUser(const QString &id);
    Result<std::optional<User>> findUserByLogin(const QString &login);

private:
    Status writeCase(const QString &verb, const Case &c);
    Status writeSearchDocument(const Case &c);
    Case readCase(const QSqlQuery &query) const;
    Result<QList<Case>> selectCases(const QString &where, const QVariantList &bindings, const QString &tail = {});
    Status writeRecord(const QString &verb, const CaseRecord &record);
    Status writeAudit(const QString &verb, const AuditEvent &event);
    QString protect(const QString &personal, const QString &caseId, QStringView field) const;
    QString reveal(const QString &stored, const QString &caseId, QStringView field) const;

    Database &m_database;
    const FieldCipher *m_cipher;
};

} // namespace casedesk
