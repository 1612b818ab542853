#pragma once

#include "base/Clock.h"
#include "base/Result.h"
#include "casework/AccessPolicy.h"
#include "casework/CaseChange.h"
#include "casework/CaseEvaluator.h"
#include "casework/CaseRules.h"
#include "domain/CorrectiveAction.h"
#include "workflow/TransitionRequest.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <memory>

namespace casedesk {

class CaseStore;
class KeyedHasher;

// Every change to a case, done the same way on the server and in the client's local store: checks
// the user's permissions, validates, applies the rules (priority, routing, deadlines, life cycle,
// follow-up visits), writes the case, its record and its audit events in one transaction.
// The server assigns global revisions (DESIGN §6); a client store keeps the revisions it was given.
class CaseService
{
    Q_DECLARE_TR_FUNCTIONS(CaseService)

public:
    struct Options
    {
        bool assignRevisions = true;
        const KeyedHasher *hasher = nullptr; // fingerprints for repeat detection (server)
        QString language = QStringLiteral("zh_CN"); // of warnings built from rule texts
        // A client store leaves the audit trail to the server: its own events would come back from
        // pull with the server's ids and be doubled. The client shows pending ops instead.
        bool writeAudit = true;
    };
    // How an update treats fields someone else changed since the base revision (DESIGN §6).
    enum class Merge { AllOrNothing, PerField };

    CaseService(CaseStore &store, std::shared_ptr<const CaseRules> rules, const Clock &clock, Options options);

    const CaseRules &rules() const { return *m_rules; }
    CaseStore &store() const { return m_store; }

    // input: the case fields of DESIGN §5 (channel, category, received_at, complainant, summary …);
    // deviceCode: the issuing device's letter(s) for the case number when input carries none.
    Result<CaseChange> create(const QJsonObject &input, const AccessPolicy &access, const QString &deviceCode);
    Result<CaseChange> update(
        const QString &caseId, const QJsonObject &fields, qint64 baseRevision, const AccessPolicy &access, Merge merge);
    Result<CaseChange> transition(const QString &caseId, const TransitionRequest &request,
        std::optional<qint64> baseRevision, const AccessPolicy &access);
    // kind: a kind of case-records.json; recordId empty → a new UUID (sync sends the client's id).
    Result<CaseChange> appendRecord(const QString &caseId, const QString &kind, const QJsonObject &data,
        const AccessPolicy &access, const QString &recordId = {});
    // action: extend, extend_statutory, escalate, assign, transfer, mark_malicious.
    Result<CaseChange> perform(
        const QString &caseId, const QString &action, const QJsonObject &params, const AccessPolicy &access);
    Result<Case> read(const QString &caseId, const AccessPolicy &access);
    // Writes "viewed_personal_data" when the reader saw unmasked phone/ID (DESIGN §7).
    Status recordPersonalDataView(const Case &c, const AccessPolicy &access, const QString &purpose);

    // id empty: a new action; an unknown id: a new action with that id (created offline); else an update.
    Result<CorrectiveAction> saveCorrectiveAction(
        const QJsonObject &input, const AccessPolicy &access, const QString &id = {});

private:
    Result<Case> load(const QString &caseId, const AccessPolicy &access);
    Result<Branch> branchOf(const Case &c);
    AuditEvent event(const Case &c, const AccessPolicy &access, const QString &action, const QString &reason = {},
        const QJsonObject &details = {}) const;
    // Stamps revisions and times and writes the case and events; the caller holds the transaction.
    Status write(CaseChange &change, bool caseChanged, bool inserting);
    Result<CaseChange> applyTransition(
        Case current, const TransitionRequest &request, const AccessPolicy &access, CaseChange change);
    CaseEvaluator::Repeat repeatContext(const Case &c);
    Result<QString> allocateNumber(const Case &c, const Branch &branch, const QString &deviceCode);

    CaseStore &m_store;
    std::shared_ptr<const CaseRules> m_rules;
    const Clock &m_clock;
    Options m_options;
};

} // namespace casedesk
