#include "workflow/CaseWorkflow.h"

#include "base/JsonReader.h"
#include "rules/LocalizedTextField.h"
#include "rules/RuleFileError.h"
#include "rules/RuleFileReader.h"
#include "workflow/TransitionGuard.h"
#include "workflow/WorkflowNames.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace casedesk {

namespace {
QString fileBaseName()
{
    return QStringLiteral("workflow.json");
}

template<typename Enum>
std::optional<Enum> readCode(JsonReader &reader, const QString &key, const QString &code)
{
    const auto value = fromCode<Enum>(code);
    if (!value && reader.ok()) {
        reader.invalid(key,
            CaseWorkflow::tr("“%1” in field “%2” is not one of: %3.")
                .arg(code, reader.fieldPath(key), allCodes<Enum>().join(QStringLiteral(", "))),
            {{QStringLiteral("allowed"), QJsonArray::fromStringList(allCodes<Enum>())}});
    }
    return value;
}

void checkGuardNames(JsonReader &reader, const QString &key, const QStringList &guards)
{
    for (const QString &guard : guards) {
        if (!TransitionGuard::find(guard) && reader.ok()) {
            reader.invalid(key,
                CaseWorkflow::tr("“%1” in field “%2” is not a known guard; known guards: %3.")
                    .arg(guard, reader.fieldPath(key), TransitionGuard::names().join(QStringLiteral(", "))),
                {{QStringLiteral("allowed"), QJsonArray::fromStringList(TransitionGuard::names())}});
        }
    }
}

// Reads one entry of "transitions"; problems are reported to the entry's reader.
Transition readTransition(
    RuleFileReader &file, JsonReader &reader, const QList<Transition> &earlier, QSet<QString> &ids)
{
    Transition t;
    reader.rejectUnknown({QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("from"), QStringLiteral("to"),
        QStringLiteral("if_not_voluntary"), QStringLiteral("label"), QStringLiteral("allow"),
        QStringLiteral("guards")});
    t.id = reader.string(QStringLiteral("id"), true);
    file.checkUnique(reader, QStringLiteral("id"), t.id, ids);
    if (const auto kind
        = readCode<TransitionKind>(reader, QStringLiteral("kind"), reader.string(QStringLiteral("kind"), true)))
        t.kind = *kind;
    if (const auto to = readCode<CaseStatus>(reader, QStringLiteral("to"), reader.string(QStringLiteral("to"), true)))
        t.to = *to;
    const QStringList from = reader.stringList(QStringLiteral("from"), true);
    if (reader.ok() && from.isEmpty())
        reader.invalid(QStringLiteral("from"),
            CaseWorkflow::tr("Field “%1” must name at least one state.").arg(reader.fieldPath(QStringLiteral("from"))));
    for (const QString &code : from) {
        const auto status = readCode<CaseStatus>(reader, QStringLiteral("from"), code);
        if (!reader.ok())
            break;
        if (t.from.contains(*status) || *status == t.to) {
            reader.invalid(QStringLiteral("from"),
                CaseWorkflow::tr("Field “%1” lists “%2” twice or as the target state.")
                    .arg(reader.fieldPath(QStringLiteral("from")), code));
            break;
        }
        t.from.append(*status);
    }
    if (reader.has(QStringLiteral("if_not_voluntary"))) {
        const QString code = reader.string(QStringLiteral("if_not_voluntary"), true);
        if (const auto status = readCode<CaseStatus>(reader, QStringLiteral("if_not_voluntary"), code))
            t.ifNotVoluntary = *status;
    }
    t.label = LocalizedTextField::read(reader, QStringLiteral("label"));
    QSet<QString> roles;
    file.readList(reader, QStringLiteral("allow"), QStringLiteral("role"), RuleFileReader::Presence::NonEmpty,
        [&](JsonReader &entry, int) {
            entry.rejectUnknown({QStringLiteral("role"), QStringLiteral("guards")});
            TransitionGrant grant;
            const QString code = entry.string(QStringLiteral("role"), true);
            if (const auto role = readCode<Role>(entry, QStringLiteral("role"), code))
                grant.role = *role;
            file.checkUnique(entry, QStringLiteral("role"), code, roles);
            grant.guards = entry.stringList(QStringLiteral("guards"));
            checkGuardNames(entry, QStringLiteral("guards"), grant.guards);
            t.allow.append(grant);
        });
    t.guards = reader.stringList(QStringLiteral("guards"));
    checkGuardNames(reader, QStringLiteral("guards"), t.guards);
    if (!reader.ok())
        return t;

    // The legal invariants of BRIEF §6 hold whatever the file says: a withdrawal needs a reason and
    // the voluntary check (004 art.19), a re-opening needs a reason and is counted as one.
    const QString requiredGuards = QStringLiteral("guards");
    switch (t.kind) {
    case TransitionKind::Withdrawal:
        if (t.to != CaseStatus::Withdrawn)
            reader.invalid(QStringLiteral("to"), CaseWorkflow::tr("A withdrawal must lead to “withdrawn”."));
        else if (!std::all_of(t.from.cbegin(), t.from.cend(), isOpen))
            reader.invalid(QStringLiteral("from"), CaseWorkflow::tr("A case can only be withdrawn while it is open."));
        else if (!t.ifNotVoluntary || !isOpen(*t.ifNotVoluntary))
            reader.invalid(QStringLiteral("if_not_voluntary"),
                CaseWorkflow::tr("A withdrawal must say in which open state a case continues when the "
                                 "withdrawal was not voluntary."));
        else if (!t.guards.contains(QStringLiteral("reason_given"))
            || !t.guards.contains(QStringLiteral("voluntary_answered")))
            reader.invalid(requiredGuards,
                CaseWorkflow::tr("A withdrawal must require the guards “reason_given” and "
                                 "“voluntary_answered”."));
        break;
    case TransitionKind::Reopen:
        if (!isOpen(t.to))
            reader.invalid(QStringLiteral("to"), CaseWorkflow::tr("A re-opening must lead to an open state."));
        else if (std::any_of(t.from.cbegin(), t.from.cend(), isOpen))
            reader.invalid(QStringLiteral("from"), CaseWorkflow::tr("Only a finished case can be re-opened."));
        else if (!t.guards.contains(QStringLiteral("reason_given")))
            reader.invalid(requiredGuards, CaseWorkflow::tr("A re-opening must require the guard “reason_given”."));
        break;
    case TransitionKind::Advance:
        if (t.to == CaseStatus::Withdrawn)
            reader.invalid(QStringLiteral("kind"), CaseWorkflow::tr("Only a withdrawal may lead to “withdrawn”."));
        else if (isOpen(t.to) && !std::all_of(t.from.cbegin(), t.from.cend(), isOpen))
            reader.invalid(QStringLiteral("kind"),
                CaseWorkflow::tr("Going back from a finished state to an open one is a re-opening."));
        break;
    }
    if (reader.ok() && t.kind != TransitionKind::Withdrawal && t.ifNotVoluntary)
        reader.invalid(QStringLiteral("if_not_voluntary"),
            CaseWorkflow::tr("Only a withdrawal has a state for the case where it was not voluntary."));
    for (const Transition &other : earlier) {
        for (CaseStatus status : t.from) {
            if (reader.ok() && other.to == t.to && other.from.contains(status)) {
                reader.invalid(QStringLiteral("from"),
                    CaseWorkflow::tr("The step from “%1” to “%2” is already declared by transition “%3”.")
                        .arg(toCode(status), toCode(t.to), other.id));
            }
        }
    }
    return t;
}

void stamp(Case &updated, CaseStatus reached, const QDateTime &now)
{
    switch (reached) {
    case CaseStatus::Registered:
        updated.registeredAt = now;
        break;
    case CaseStatus::Dispatched:
        updated.dispatchedAt = now;
        break;
    case CaseStatus::Resolved:
        updated.resolvedAt = now;
        break;
    case CaseStatus::Visited:
        updated.visitedAt = now;
        break;
    case CaseStatus::Archived:
    case CaseStatus::Withdrawn: // BRIEF §9: a withdrawal ends the procedure on the day it is received
        updated.closedAt = now;
        break;
    case CaseStatus::Received:
    case CaseStatus::InProgress:
        break;
    }
}

QJsonObject edgeDetails(const Transition *transition, CaseStatus from, CaseStatus to)
{
    QJsonObject details {{QStringLiteral("from"), toCode(from)}, {QStringLiteral("to"), toCode(to)}};
    if (transition)
        details.insert(QStringLiteral("transition"), transition->id);
    return details;
}
} // namespace

Result<CaseWorkflow> CaseWorkflow::fromJson(const QJsonObject &json, const QString &fileName)
{
    CaseWorkflow workflow;
    RuleFileReader file(json, fileName);
    JsonReader &root = file.root();
    root.rejectUnknown({QStringLiteral("version"), QStringLiteral("source"), QStringLiteral("transitions")});
    file.readHeader();
    const qint64 version = root.integer(QStringLiteral("version"));
    if (file.ok() && version != 1)
        root.invalid(
            QStringLiteral("version"), tr("This CaseDesk reads workflow files of version 1, not %1.").arg(version));
    QSet<QString> ids;
    file.readList(root, QStringLiteral("transitions"), QStringLiteral("id"), RuleFileReader::Presence::NonEmpty,
        [&](JsonReader &entry, int) {
            Transition transition = readTransition(file, entry, workflow.m_transitions, ids);
            if (file.ok())
                workflow.m_transitions.append(std::move(transition));
        });
    if (!file.ok())
        return file.error();
    return workflow;
}

QString CaseWorkflow::builtInPath()
{
    return QStringLiteral(":/casedesk/rules/") + fileBaseName();
}

Result<CaseWorkflow> CaseWorkflow::load(const QString &overrideDirectory)
{
    QString path = builtInPath();
    if (!overrideDirectory.isEmpty() && QFile::exists(QDir(overrideDirectory).filePath(fileBaseName())))
        path = QDir(overrideDirectory).filePath(fileBaseName());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return RuleFileError::unreadable(path, tr("cannot be read: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Admins edit this file by hand: say where the JSON breaks, as RulePack does for the others.
        const qsizetype offset = qBound(qsizetype(0), qsizetype(parseError.offset), bytes.size());
        const qsizetype line = bytes.left(offset).count('\n') + 1;
        const qsizetype column = offset - bytes.lastIndexOf('\n', offset - 1);
        return RuleFileError::unreadable(path,
            tr("not valid JSON at line %1, column %2: %3").arg(line).arg(column).arg(parseError.errorString()),
            {{QStringLiteral("reason"), QStringLiteral("not_json")}, {QStringLiteral("line"), line},
                {QStringLiteral("column"), column}});
    }
    if (!document.isObject()) {
        return RuleFileError::unreadable(
            path, tr("must hold a JSON object."), {{QStringLiteral("reason"), QStringLiteral("not_an_object")}});
    }
    return fromJson(document.object(), path);
}

const CaseWorkflow &CaseWorkflow::builtIn()
{
    static const CaseWorkflow workflow = [] {
        auto loaded = load(QString());
        // The shipped file is covered by test_workflow; a broken one is a broken build (as RulePack::builtIn).
        if (!loaded)
            qFatal("The built-in workflow is broken: %s", qPrintable(loaded.error().message));
        return std::move(loaded).value();
    }();
    return workflow;
}

const Transition *CaseWorkflow::find(CaseStatus from, CaseStatus to) const
{
    for (const Transition &transition : m_transitions) {
        if (transition.to == to && transition.from.contains(from))
            return &transition;
    }
    return nullptr;
}

CaseWorkflow::Verdict CaseWorkflow::judge(
    const Transition &transition, const Case &current, const User &actor, const TransitionRequest *request) const
{
    static const TransitionRequest noInput;
    const TransitionRequest &input = request ? *request : noInput;
    Verdict verdict;
    auto guardFailure = [&](const QString &guard, const QString &message) {
        QJsonObject details = edgeDetails(&transition, current.status, transition.to);
        details.insert(QStringLiteral("guard"), guard);
        return Error {QStringLiteral("guard_failed"), message, details};
    };
    // The first failing guard of the list, or nothing. Without a request, guards on input are skipped.
    auto firstFailure = [&](const QStringList &guards) -> std::optional<Error> {
        for (const QString &name : guards) {
            const TransitionGuard *guard = TransitionGuard::find(name);
            if (!guard || (guard->needsInput() && !request))
                continue;
            if (const auto message = guard->check(current, actor, transition, input))
                return guardFailure(name, *message);
        }
        return std::nullopt;
    };

    QList<const TransitionGrant *> grants;
    if (!actor.disabled) {
        for (const TransitionGrant &grant : transition.allow) {
            if (actor.hasRole(grant.role))
                grants.append(&grant);
        }
    }
    if (grants.isEmpty()) {
        QJsonObject details = edgeDetails(&transition, current.status, transition.to);
        QJsonArray allowed;
        for (Role role : transition.roles())
            allowed.append(toCode(role));
        details.insert(QStringLiteral("allowed_roles"), allowed);
        const QString message = actor.disabled
            ? tr("Your account is disabled.")
            : tr("Only %1 may move a case from “%2” to “%3”.")
                  .arg(WorkflowNames::roles(transition.roles()), WorkflowNames::status(current.status),
                      WorkflowNames::status(transition.to));
        verdict.error = Error {QStringLiteral("forbidden_transition"), message, details};
        return verdict;
    }
    // A user holding several roles acts in the first one whose own guards pass.
    std::optional<Error> roleFailure;
    bool allowed = false;
    for (const TransitionGrant *grant : grants) {
        const auto failure = firstFailure(grant->guards);
        if (!failure) {
            verdict.role = grant->role;
            allowed = true;
            break;
        }
        if (!roleFailure)
            roleFailure = failure;
    }
    if (!allowed) {
        verdict.error = roleFailure;
        return verdict;
    }
    verdict.error = firstFailure(transition.guards);
    return verdict;
}

Result<TransitionOutcome> CaseWorkflow::apply(
    const Case &current, const TransitionRequest &request, const User &actor, const QDateTime &now) const
{
    if (!now.isValid())
        return Error {QStringLiteral("invalid_time"), tr("The time of the transition is missing."), {}};
    const Transition *transition = find(current.status, request.to);
    if (!transition) {
        return Error {QStringLiteral("illegal_transition"),
            tr("A case cannot go from “%1” to “%2”.")
                .arg(WorkflowNames::status(current.status), WorkflowNames::status(request.to)),
            edgeDetails(nullptr, current.status, request.to)};
    }
    const Verdict verdict = judge(*transition, current, actor, &request);
    if (verdict.error)
        return *verdict.error;

    TransitionOutcome outcome;
    Case &updated = outcome.updated;
    updated = current;
    updated.updatedAt = now;
    AuditEvent &event = outcome.event;
    event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    event.caseId = current.id;
    event.at = now;
    event.actorId = actor.id;
    event.action = QStringLiteral("transition");
    event.fromStatus = current.status;
    event.reason = request.reason.trimmed();
    QJsonObject details {
        {QStringLiteral("transition"), transition->id}, {QStringLiteral("role"), toCode(verdict.role)}};

    switch (transition->kind) {
    case TransitionKind::Advance:
        updated.status = transition->to;
        stamp(updated, transition->to, now);
        break;
    case TransitionKind::Withdrawal:
        details.insert(QStringLiteral("voluntary"), *request.voluntary);
        if (*request.voluntary) {
            updated.status = transition->to;
            stamp(updated, transition->to, now);
        } else {
            // 004 art.19: a withdrawal obtained under pressure is not a withdrawal; the case goes on
            // as a conduct issue, and the caller re-routes it.
            updated.status = *transition->ifNotVoluntary;
            updated.conductIssue = true;
            outcome.conductIssueRaised = true;
            event.action = QStringLiteral("withdrawal_refused");
            details.insert(QStringLiteral("requested_to"), toCode(transition->to));
            details.insert(QStringLiteral("conduct_issue"), true);
        }
        break;
    case TransitionKind::Reopen:
        // BRIEF §6 (art.18): back to work with history intact; the closure times no longer hold.
        updated.status = transition->to;
        updated.reopenCount = current.reopenCount + 1;
        updated.resolvedAt = QDateTime();
        updated.visitedAt = QDateTime();
        updated.closedAt = QDateTime();
        event.action = QStringLiteral("reopened");
        details.insert(QStringLiteral("reopen_count"), updated.reopenCount);
        if (current.status == CaseStatus::Withdrawn && request.voluntary.has_value()) {
            // A withdrawal found afterwards to have been pressured re-opens as a conduct issue.
            details.insert(QStringLiteral("voluntary"), *request.voluntary);
            if (!*request.voluntary) {
                updated.conductIssue = true;
                outcome.conductIssueRaised = true;
                details.insert(QStringLiteral("conduct_issue"), true);
            }
        }
        break;
    }
    event.toStatus = updated.status;
    event.details = details;
    return outcome;
}

QList<CaseStatus> CaseWorkflow::availableTransitions(const Case &current, const User &actor) const
{
    QList<CaseStatus> result;
    for (const Transition &transition : m_transitions) {
        if (!transition.from.contains(current.status) || result.contains(transition.to))
            continue;
        if (!judge(transition, current, actor, nullptr).error)
            result.append(transition.to);
    }
    std::sort(result.begin(), result.end());
    return result;
}

} // namespace casedesk
