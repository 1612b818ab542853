#include "casework/CaseService.h"

#include "base/JsonReader.h"
#include "casework/CaseEvaluator.h"
#include "casework/CaseFields.h"
#include "casework/CaseNumber.h"
#include "casework/ContactFingerprint.h"
#include "casework/IntakeValidator.h"
#include "casework/RepeatDetector.h"
#include "casework/VisitOutcome.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QUuid>

namespace casedesk {

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Facts whose change may send a case elsewhere (routing-rules.json looks at them).
const QStringList routingFacts = {QStringLiteral("category"), QStringLiteral("funds_safety"),
    QStringLiteral("legal_dispute"), QStringLiteral("group_size")};
// Personal data: the audit trail names the change but never the values (PIPL, DESIGN §7).
const QStringList personalFields = {QStringLiteral("complainant.phone"), QStringLiteral("complainant.id_number"),
    QStringLiteral("complainant.name"), QStringLiteral("parties")};

Error conflict(const Case &current, const QStringList &fields)
{
    return {QStringLiteral("conflict"),
        CaseService::tr("Someone else changed %1 since you opened the case; reload it and try again.")
            .arg(fields.join(QStringLiteral(", "))),
        {{QStringLiteral("fields"), QJsonArray::fromStringList(fields)},
            {QStringLiteral("revision"), current.revision}}};
}

Error invalidInput(const QString &field, const QString &message)
{
    return {QStringLiteral("invalid_value"), message, {{QStringLiteral("field"), field}}};
}

} // namespace

CaseService::CaseService(CaseStore &store, std::shared_ptr<const CaseRules> rules, const Clock &clock, Options options)
    : m_store(store)
    , m_rules(std::move(rules))
    , m_clock(clock)
    , m_options(std::move(options))
{ }

AuditEvent CaseService::event(const Case &c, const AccessPolicy &access, const QString &action, const QString &reason,
    const QJsonObject &details) const
{
    AuditEvent e;
    e.id = newId();
    e.caseId = c.id;
    e.at = m_clock.now();
    e.actorId = access.user().id;
    e.action = action;
    e.reason = reason;
    e.details = details;
    return e;
}

Result<Case> CaseService::load(const QString &caseId, const AccessPolicy &access)
{
    auto found = m_store.findCase(caseId);
    if (!found)
        return found.error();
    // Out of scope looks the same as absent, so the answer does not reveal that a case exists.
    if (!found->has_value() || !access.canRead(**found))
        return AccessPolicy::notFound();
    return **found;
}

Result<Case> CaseService::read(const QString &caseId, const AccessPolicy &access)
{
    return load(caseId, access);
}

Result<Branch> CaseService::branchOf(const Case &c)
{
    auto branch = m_store.findBranch(c.branchId);
    if (!branch)
        return branch.error();
    if (!branch->has_value())
        return invalidInput(QStringLiteral("branch_id"), tr("Branch %1 does not exist.").arg(c.branchId));
    return **branch;
}

CaseEvaluator::Repeat CaseService::repeatContext(const Case &c)
{
    CaseEvaluator::Repeat repeat;
    repeat.isRepeat = !c.repeatOf.isEmpty();
    if (repeat.isRepeat) {
        auto earlier = m_store.findCase(c.repeatOf);
        repeat.repeatOfEscalated = earlier && earlier->has_value() && (*earlier)->escalated;
    }
    return repeat;
}

Status CaseService::write(CaseChange &change, bool caseChanged, bool inserting)
{
    const QDateTime now = m_clock.now();
    Case &c = change.current;
    if (caseChanged) {
        c.updatedAt = now;
        if (inserting)
            c.createdAt = now;
        if (m_options.assignRevisions) {
            auto revision = m_store.nextRevision();
            if (!revision)
                return revision.error();
            c.revision = *revision;
        }
        if (auto ok = inserting ? m_store.insertCase(c) : m_store.updateCase(c); !ok)
            return ok;
    }
    if (change.record) {
        if (m_options.assignRevisions) {
            auto revision = m_store.nextRevision();
            if (!revision)
                return revision.error();
            change.record->revision = *revision;
        }
        if (auto ok = m_store.appendRecord(*change.record); !ok)
            return ok;
    }
    for (AuditEvent &e : change.events) {
        if (!m_options.writeAudit)
            break;
        if (m_options.assignRevisions) {
            auto revision = m_store.nextRevision();
            if (!revision)
                return revision.error();
            e.revision = *revision;
        }
        if (auto ok = m_store.appendAudit(e); !ok)
            return ok;
    }
    change.written = true;
    return {};
}

Result<QString> CaseService::allocateNumber(const Case &c, const Branch &branch, const QString &deviceCode)
{
    const QDate day = m_rules->deadlines().localDate(c.receivedAt, branch);
    const QString prefix = CaseNumber::prefix(branch.code, day, deviceCode);
    auto last = m_store.lastNumberSequence(prefix);
    if (!last)
        return last.error();
    return CaseNumber::format(branch.code, day, deviceCode, *last + 1);
}

Result<CaseChange> CaseService::create(const QJsonObject &input, const AccessPolicy &access, const QString &deviceCode)
{
    const QDateTime now = m_clock.now();
    auto fields = CaseFields::flattenInput(input, true);
    if (!fields)
        return fields.error();
    Case c;
    c.id = newId();
    c.branchId = access.user().branchId;
    c.receivedAt = now;
    c.receivedBy = access.user().id;
    c.status = CaseStatus::Received;
    if (!fields->contains(QStringLiteral("channel")))
        return invalidInput(QStringLiteral("channel"), tr("Field “channel” is required."));
    if (!fields->contains(QStringLiteral("category")))
        return invalidInput(QStringLiteral("category"), tr("Field “category” is required."));
    if (!fields->contains(QStringLiteral("summary")))
        return invalidInput(QStringLiteral("summary"), tr("Field “summary” is required."));
    for (auto it = fields->begin(); it != fields->end(); ++it) {
        if (auto ok = CaseFields::set(c, it.key(), it.value(), *m_rules, now.date()); !ok)
            return ok.error();
    }
    if (!access.canCreateIn(c.branchId))
        return AccessPolicy::forbidden(tr("register complaints for this branch"));
    auto branch = branchOf(c);
    if (!branch)
        return branch.error();
    auto warnings = IntakeValidator::check(c, *m_rules, now, m_options.language);
    if (!warnings)
        return warnings.error();

    auto transaction = m_store.database().transaction();
    if (auto existing = m_store.findCase(c.id); !existing || existing->has_value()) {
        if (!existing)
            return existing.error();
        return Error {QStringLiteral("already_exists"), tr("A case with this id already exists."),
            {{QStringLiteral("field"), QStringLiteral("id")}}};
    }
    if (c.number.isEmpty()) {
        auto number = allocateNumber(c, *branch, deviceCode);
        if (!number)
            return number.error();
        c.number = *number;
    } else if (!CaseNumber::isWellFormed(c.number) || !c.number.startsWith(branch->code + QLatin1Char('-'))) {
        return invalidInput(QStringLiteral("number"),
            tr("Case number “%1” is not of the form %2-yyyymmdd-A0001.").arg(c.number, branch->code));
    } else if (auto taken = m_store.findCaseByNumber(c.number); !taken || taken->has_value()) {
        if (!taken)
            return taken.error();
        return Error {QStringLiteral("number_taken"), tr("Case number %1 is already in use.").arg(c.number),
            {{QStringLiteral("field"), QStringLiteral("number")}}};
    }

    CaseChange change;
    change.warnings = *warnings;
    if (m_options.hasher)
        ContactFingerprint::apply(c, *m_options.hasher);
    CaseEvaluator::Repeat repeat;
    auto earlier = RepeatDetector(m_store, m_rules->limits()).findEarlier(c);
    if (!earlier)
        return earlier.error();
    if (earlier->has_value()) {
        c.repeatOf = (*earlier)->id;
        repeat.isRepeat = true;
        repeat.repeatOfEscalated = (*earlier)->escalated;
        change.repeatOf = **earlier;
        change.warnings.append(tr("Possible repeat of %1.").arg((*earlier)->number));
    }
    const auto outcome = CaseEvaluator(*m_rules).evaluate(c, *branch, repeat, true);
    change.warnings += outcome.warnings;
    change.routing = outcome.routing;
    change.current = c;
    QJsonArray notify;
    for (Role role : outcome.routing.notify)
        notify.append(toCode(role));
    change.events.append(event(c, access, QStringLiteral("created"), {},
        {{QStringLiteral("number"), c.number}, {QStringLiteral("channel"), toCode(c.channel)},
            {QStringLiteral("priority"), toCode(c.priority)}, {QStringLiteral("handling_unit"), c.handlingUnit},
            {QStringLiteral("routing_rule"), outcome.routing.ruleId}, {QStringLiteral("notify"), notify},
            {QStringLiteral("repeat_of"), c.repeatOf}}));
    change.events.last().toStatus = CaseStatus::Received;
    if (auto ok = write(change, true, true); !ok)
        return ok.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return change;
}

Result<CaseChange> CaseService::update(
    const QString &caseId, const QJsonObject &input, qint64 baseRevision, const AccessPolicy &access, Merge merge)
{
    auto transaction = m_store.database().transaction();
    auto loaded = load(caseId, access);
    if (!loaded)
        return loaded.error();
    const Case before = *loaded;
    auto fields = CaseFields::flattenInput(input, false);
    if (!fields)
        return fields.error();
    if (fields->isEmpty())
        return invalidInput(QStringLiteral("fields"), tr("Nothing to change: “fields” is empty."));
    for (auto it = fields->begin(); it != fields->end(); ++it) {
        if (!access.canEdit(before, it.key()))
            return AccessPolicy::forbidden(tr("change “%1” of this case").arg(it.key()));
    }

    CaseChange change;
    // Per-field merge (DESIGN §6): a field someone else changed after base_revision conflicts,
    // unless this request sets it to the value it already has.
    if (m_options.assignRevisions && baseRevision < before.revision) {
        auto trail = m_store.auditTrail(caseId);
        if (!trail)
            return trail.error();
        QSet<QString> changedSince;
        for (const AuditEvent &e : trail.value()) {
            if (e.revision > baseRevision && e.action == QLatin1String("updated")) {
                for (const QJsonValue &field : e.details.value(QStringLiteral("fields")).toArray())
                    changedSince.insert(field.toString());
            }
        }
        Case probe = before;
        for (auto it = fields->begin(); it != fields->end(); ++it) {
            if (!changedSince.contains(it.key()))
                continue;
            if (!CaseFields::set(probe, it.key(), it.value(), *m_rules, m_clock.now().date()).ok()
                || CaseFields::get(probe, it.key()) != CaseFields::get(before, it.key()))
                change.conflicts.append(it.key());
        }
        if (!change.conflicts.isEmpty() && merge == Merge::AllOrNothing)
            return conflict(before, change.conflicts);
    }

    Case c = before;
    for (auto it = fields->begin(); it != fields->end(); ++it) {
        if (change.conflicts.contains(it.key()))
            continue;
        if (auto ok = CaseFields::set(c, it.key(), it.value(), *m_rules, m_clock.now().date()); !ok)
            return ok.error();
        if (CaseFields::get(c, it.key()) != CaseFields::get(before, it.key()))
            change.changedFields.append(it.key());
    }
    if (change.changedFields.isEmpty()) {
        change.current = before;
        return change;
    }
    auto warnings = IntakeValidator::check(c, *m_rules, c.receivedAt, m_options.language);
    if (!warnings)
        return warnings.error();
    if (change.changedFields.contains(QStringLiteral("assignee_id")) && !c.assigneeId.isEmpty()) {
        auto assignee = m_store.findUser(c.assigneeId);
        if (!assignee)
            return assignee.error();
        if (!assignee->has_value() || !(*assignee)->hasRole(Role::Handler) || (*assignee)->disabled)
            return invalidInput(QStringLiteral("assignee_id"), tr("The assignee must be an active handler."));
        // Recusal (CBIRC Order 2020 No.3): nobody handles a complaint about themselves.
        const User &handler = **assignee;
        if (!c.subjectStaff.isEmpty()
            && (c.subjectStaff == handler.name || c.subjectStaff == handler.login || c.subjectStaff == handler.id))
            return invalidInput(QStringLiteral("assignee_id"),
                tr("%1 is the person complained about and may not handle this case.").arg(handler.name));
    }
    auto branch = branchOf(c);
    if (!branch)
        return branch.error();
    if (m_options.hasher)
        ContactFingerprint::apply(c, *m_options.hasher);
    bool reroute = false;
    for (const QString &field : routingFacts)
        reroute = reroute || change.changedFields.contains(field);
    // Once dispatched, the case stays with its handler unless a supervisor transfers it.
    reroute = reroute && !change.changedFields.contains(QStringLiteral("handling_unit"))
        && (c.status == CaseStatus::Received || c.status == CaseStatus::Registered);
    const auto outcome = CaseEvaluator(*m_rules).evaluate(c, *branch, repeatContext(c), reroute);
    change.warnings = *warnings + outcome.warnings;
    change.routing = outcome.routing;

    QJsonObject values;
    for (const QString &field : change.changedFields) {
        if (!personalFields.contains(field))
            values.insert(field,
                QJsonObject {{QStringLiteral("from"), CaseFields::get(before, field)},
                    {QStringLiteral("to"), CaseFields::get(c, field)}});
    }
    QJsonObject details {{QStringLiteral("fields"), QJsonArray::fromStringList(change.changedFields)},
        {QStringLiteral("values"), values}};
    if (!change.conflicts.isEmpty())
        details.insert(QStringLiteral("conflicts"), QJsonArray::fromStringList(change.conflicts));
    change.events.append(event(c, access, QStringLiteral("updated"), {}, details));
    if (before.priority != c.priority) {
        change.events.append(event(c, access, QStringLiteral("priority_changed"), {},
            {{QStringLiteral("from"), toCode(before.priority)}, {QStringLiteral("to"), toCode(c.priority)}}));
    }
    change.current = c;
    if (auto ok = write(change, true, false); !ok)
        return ok.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return change;
}

Result<CaseChange> CaseService::applyTransition(
    Case current, const TransitionRequest &request, const AccessPolicy &access, CaseChange change)
{
    auto outcome = m_rules->workflow().apply(current, request, access.user(), m_clock.now());
    if (!outcome)
        return outcome.error();
    Case c = outcome->updated;
    auto branch = branchOf(c);
    if (!branch)
        return branch.error();
    AuditEvent transitionEvent = outcome->event;
    transitionEvent.at = m_clock.now();
    if (outcome->conductIssueRaised) {
        // A pressured withdrawal is a conduct issue (004 art.19): re-route it by the rules.
        const auto evaluation = CaseEvaluator(*m_rules).evaluate(c, *branch, repeatContext(c), true);
        change.routing = evaluation.routing;
        transitionEvent.details.insert(QStringLiteral("handling_unit"), c.handlingUnit);
        transitionEvent.details.insert(QStringLiteral("routing_rule"), evaluation.routing.ruleId);
    } else {
        change.warnings += CaseEvaluator(*m_rules).refreshDeadlines(c, *branch);
    }
    change.current = c;
    change.events.append(transitionEvent);
    return change;
}

Result<CaseChange> CaseService::transition(const QString &caseId, const TransitionRequest &request,
    std::optional<qint64> baseRevision, const AccessPolicy &access)
{
    auto transaction = m_store.database().transaction();
    auto loaded = load(caseId, access);
    if (!loaded)
        return loaded.error();
    auto change = applyTransition(*loaded, request, access, CaseChange());
    if (!change) {
        // Checked against the current state (DESIGN §6); if the case moved on since the user looked
        // at it, say so rather than calling the request illegal.
        if (baseRevision && *baseRevision < loaded->revision
            && change.error().code == QLatin1String("illegal_transition"))
            return Error {QStringLiteral("conflict"),
                tr("The case changed since you opened it (it is now %1); reload it.").arg(toCode(loaded->status)),
                {{QStringLiteral("revision"), loaded->revision}}};
        return change.error();
    }
    if (auto ok = write(*change, true, false); !ok)
        return ok.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return change;
}

Result<CaseChange> CaseService::appendRecord(const QString &caseId, const QString &kind, const QJsonObject &data,
    const AccessPolicy &access, const QString &recordId)
{
    auto transaction = m_store.database().transaction();
    auto loaded = load(caseId, access);
    if (!loaded)
        return loaded.error();
    Case c = *loaded;
    if (!m_rules->pack().recordSchema().kind(kind))
        return invalidInput(QStringLiteral("kind"), tr("“%1” is not a kind of case record.").arg(kind));
    if (!access.canAppend(c, kind))
        return AccessPolicy::forbidden(tr("add this kind of record to this case"));
    auto normalised = m_rules->pack().recordSchema().validate(kind, data, m_rules->taxonomy());
    if (!normalised)
        return normalised.error();
    if (!recordId.isEmpty()) {
        if (QUuid::fromString(recordId).isNull())
            return invalidInput(QStringLiteral("id"), tr("Field “id” must be a UUID."));
        if (auto existing = m_store.findRecord(recordId); !existing || existing->has_value()) {
            if (!existing)
                return existing.error();
            return Error {QStringLiteral("already_exists"), tr("A record with this id already exists."),
                {{QStringLiteral("field"), QStringLiteral("id")}}};
        }
    }

    CaseChange change;
    CaseRecord record {
        recordId.isEmpty() ? newId() : recordId, c.id, kind, *normalised, m_clock.now(), access.user().id, 0};
    bool caseChanged = false;
    if (kind == QLatin1String("contact")) {
        if (!c.firstContactAt.isValid() && (c.status == CaseStatus::Dispatched || c.status == CaseStatus::InProgress)) {
            const QDateTime at
                = QDateTime::fromString(normalised->value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
            c.firstContactAt = at.isValid() ? at : m_clock.now();
            caseChanged = true;
        }
    } else if (kind == QLatin1String("investigation")) {
        const QString cause = normalised->value(QStringLiteral("cause")).toString();
        if (!cause.isEmpty() && cause != c.cause && isOpen(c.status)) {
            c.cause = cause;
            caseChanged = true;
        }
    } else if (kind == QLatin1String("supervision_reply")) {
        if (c.channel != Channel::ForwardedRegulator && c.channel != Channel::ForwardedSuperior)
            return invalidInput(QStringLiteral("kind"),
                tr("A supervision reply answers a forwarded case; this case "
                   "was not forwarded."));
    } else if (kind == QLatin1String("visit")) {
        if (c.status != CaseStatus::Resolved)
            return invalidInput(QStringLiteral("kind"),
                tr("A follow-up visit is recorded once the case is resolved and before it is closed."));
        if (normalised->value(QStringLiteral("reached")).toBool()
            && (!normalised->contains(QStringLiteral("solved"))
                || !normalised->contains(QStringLiteral("satisfaction"))))
            return invalidInput(QStringLiteral("solved"),
                tr("When the customer was reached, record whether the problem is solved and how "
                   "satisfied they are."));
        auto visits = m_store.records(c.id, QStringLiteral("visit"));
        if (!visits)
            return visits.error();
        int unreached = 0;
        for (const CaseRecord &visit : visits.value()) {
            if (visit.createdAt >= c.resolvedAt && !visit.data.value(QStringLiteral("reached")).toBool())
                ++unreached;
        }
        const VisitOutcome outcome = VisitOutcome::judge(*normalised, unreached, m_rules->limits().visitAttempts());
        record.data.insert(QStringLiteral("attempt"), outcome.attempt());
        if (outcome.effect() != VisitOutcome::Effect::Retry) {
            TransitionRequest request;
            request.to
                = outcome.effect() == VisitOutcome::Effect::Reopen ? CaseStatus::InProgress : CaseStatus::Visited;
            request.reason = outcome.reason();
            auto moved = applyTransition(c, request, access, CaseChange());
            if (!moved)
                return moved.error();
            c = moved->current;
            moved->events.first().details.insert(QStringLiteral("visit_id"), record.id);
            if (outcome.effect() == VisitOutcome::Effect::Unreachable)
                moved->events.first().details.insert(QStringLiteral("unreachable"), true);
            change.events += moved->events;
            caseChanged = true;
        } else {
            change.warnings.append(outcome.reason());
        }
    }
    if (caseChanged && kind != QLatin1String("visit")) {
        auto branch = branchOf(c);
        if (!branch)
            return branch.error();
        change.warnings += CaseEvaluator(*m_rules).refreshDeadlines(c, *branch);
    }
    change.events.prepend(event(c, access, QStringLiteral("record_added"), {},
        {{QStringLiteral("kind"), kind}, {QStringLiteral("record_id"), record.id}}));
    change.record = record;
    change.current = c;
    if (auto ok = write(change, caseChanged, false); !ok)
        return ok.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return change;
}

Result<CaseChange> CaseService::perform(
    const QString &caseId, const QString &action, const QJsonObject &params, const AccessPolicy &access)
{
    static const QStringList actions
        = {QStringLiteral("extend"), QStringLiteral("extend_statutory"), QStringLiteral("escalate"),
            QStringLiteral("assign"), QStringLiteral("transfer"), QStringLiteral("mark_malicious")};
    if (!actions.contains(action)) {
        return invalidInput(QStringLiteral("action"),
            tr("“%1” is not an action. Known actions: %2.").arg(action, actions.join(QStringLiteral(", "))));
    }
    auto transaction = m_store.database().transaction();
    auto loaded = load(caseId, access);
    if (!loaded)
        return loaded.error();
    if (!access.canPerform(*loaded, action))
        return AccessPolicy::forbidden(tr("take the action “%1” on this case").arg(action));
    if (!isOpen(loaded->status))
        return invalidInput(QStringLiteral("action"), tr("The case is closed; re-open it first."));
    JsonReader reader(params);
    const QString reason = reader.string(QStringLiteral("reason"), action != QLatin1String("assign"));
    const QString assignee = reader.string(QStringLiteral("assignee_id"), action == QLatin1String("assign"));
    const QString unit = reader.string(QStringLiteral("handling_unit"), action == QLatin1String("transfer"));
    const QString approver = reader.string(QStringLiteral("approver"), action == QLatin1String("extend_statutory"));
    const QString target = reader.string(QStringLiteral("to"));
    reader.rejectUnknown({QStringLiteral("reason"), QStringLiteral("assignee_id"), QStringLiteral("handling_unit"),
        QStringLiteral("approver"), QStringLiteral("to")});
    if (!reader.ok())
        return reader.error();

    Case c = *loaded;
    QJsonObject details {{QStringLiteral("action"), action}};
    const TimeLimits &limits = m_rules->limits();
    if (action == QLatin1String("extend")) {
        // 004 art.11: a complex case may be extended once, with the reason recorded.
        if (c.resolveExtended || limits.maxResolveExtensions() < 1)
            return invalidInput(QStringLiteral("action"), tr("The handling time was already extended once."));
        c.resolveExtended = true;
        c.extensionReason = reason;
        details.insert(QStringLiteral("working_days"), limits.extendedResolveWorkingDays());
    } else if (action == QLatin1String("extend_statutory")) {
        if (c.statutoryExtensions >= limits.maxStatutoryExtensions())
            return invalidInput(QStringLiteral("action"), tr("The statutory time limit cannot be extended further."));
        ++c.statutoryExtensions;
        details.insert(QStringLiteral("calendar_days"), limits.statutoryCalendarDays(c.statutoryExtensions));
        details.insert(QStringLiteral("approver"), approver);
    } else if (action == QLatin1String("escalate")) {
        c.escalated = true;
        details.insert(QStringLiteral("to"), target.isEmpty() ? QStringLiteral("leadership") : target);
    } else if (action == QLatin1String("assign") || action == QLatin1String("transfer")) {
        QJsonObject fields;
        if (!assignee.isEmpty() || action == QLatin1String("assign"))
            fields.insert(QStringLiteral("assignee_id"), assignee);
        if (!unit.isEmpty())
            fields.insert(QStringLiteral("handling_unit"), unit);
        auto updated = update(caseId, fields, c.revision, access, Merge::AllOrNothing);
        if (!updated)
            return updated.error();
        if (updated->written) {
            AuditEvent e = event(updated->current, access,
                action == QLatin1String("assign") ? QStringLiteral("assigned") : QStringLiteral("transferred"), reason,
                {{QStringLiteral("assignee_id"), assignee}, {QStringLiteral("handling_unit"), unit}});
            CaseChange extra;
            extra.current = updated->current;
            extra.events.append(e);
            if (auto ok = write(extra, false, false); !ok)
                return ok.error();
            updated->events += extra.events;
        }
        if (auto ok = transaction.commit(); !ok)
            return ok.error();
        return updated;
    } else if (action == QLatin1String("mark_malicious")) {
        if (!c.complainant.anonymous)
            return invalidInput(
                QStringLiteral("action"), tr("Only an anonymous complaint can be recorded as malicious."));
        c.malicious = true;
    }
    auto branch = branchOf(c);
    if (!branch)
        return branch.error();
    CaseChange change;
    const auto outcome = CaseEvaluator(*m_rules).evaluate(c, *branch, repeatContext(c), false);
    change.warnings = outcome.warnings;
    const QString eventAction = action == QLatin1String("escalate") ? QStringLiteral("escalated")
        : action == QLatin1String("mark_malicious")                 ? QStringLiteral("marked_malicious")
                                                                    : QStringLiteral("extended");
    change.events.append(event(c, access, eventAction, reason, details));
    change.current = c;
    if (auto ok = write(change, true, false); !ok)
        return ok.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return change;
}

Status CaseService::recordPersonalDataView(const Case &c, const AccessPolicy &access, const QString &purpose)
{
    CaseChange change;
    change.current = c;
    change.events.append(
        event(c, access, QStringLiteral("viewed_personal_data"), {}, {{QStringLiteral("purpose"), purpose}}));
    auto transaction = m_store.database().transaction();
    if (auto ok = write(change, false, false); !ok)
        return ok;
    return transaction.commit();
}

Result<CorrectiveAction> CaseService::saveCorrectiveAction(
    const QJsonObject &input, const AccessPolicy &access, const QString &id)
{
    if (!access.canManageCorrectiveActions())
        return AccessPolicy::forbidden(tr("manage corrective actions"));
    auto transaction = m_store.database().transaction();
    CorrectiveAction a;
    bool creating = true;
    if (!id.isEmpty()) {
        if (QUuid::fromString(id).isNull())
            return invalidInput(QStringLiteral("id"), tr("Field “id” must be a UUID."));
        auto existing = m_store.findCorrectiveAction(id);
        if (!existing)
            return existing.error();
        if (existing->has_value()) {
            if (!access.inScope((*existing)->branchId))
                return Error {QStringLiteral("not_found"), tr("No such corrective action."), {}};
            a = **existing;
            creating = false;
        }
    }
    if (creating) {
        // A client names the action it created offline; the server keeps that id (DESIGN §6).
        a.id = id.isEmpty() ? newId() : id;
        a.createdAt = m_clock.now();
        a.createdBy = access.user().id;
        a.branchId = access.user().branchId;
    }
    JsonReader reader(input);
    reader.rejectUnknown(
        {QStringLiteral("case_id"), QStringLiteral("branch_id"), QStringLiteral("title"), QStringLiteral("description"),
            QStringLiteral("owner"), QStringLiteral("due_on"), QStringLiteral("status"), QStringLiteral("done_on")});
    if (reader.has(QStringLiteral("case_id")) && creating)
        a.caseId = reader.string(QStringLiteral("case_id"));
    if (reader.has(QStringLiteral("branch_id")) && creating)
        a.branchId = reader.string(QStringLiteral("branch_id"));
    if (reader.has(QStringLiteral("title")) || creating)
        a.title = reader.string(QStringLiteral("title"), true).trimmed();
    if (reader.has(QStringLiteral("description")))
        a.description = reader.string(QStringLiteral("description")).trimmed();
    if (reader.has(QStringLiteral("owner")))
        a.owner = reader.string(QStringLiteral("owner")).trimmed();
    if (reader.has(QStringLiteral("due_on")))
        a.dueOn = reader.date(QStringLiteral("due_on"));
    if (reader.has(QStringLiteral("status")))
        a.status = reader.string(QStringLiteral("status"));
    if (reader.has(QStringLiteral("done_on")))
        a.doneOn = reader.date(QStringLiteral("done_on"));
    if (reader.ok() && !CorrectiveAction::statuses().contains(a.status))
        reader.invalid(QStringLiteral("status"),
            tr("Status must be one of: %1.").arg(CorrectiveAction::statuses().join(QStringLiteral(", "))));
    if (!reader.ok())
        return reader.error();
    if (a.status == QLatin1String("done") && !a.doneOn.isValid())
        a.doneOn = m_clock.now().date();
    if (!a.caseId.isEmpty()) {
        auto c = load(a.caseId, access);
        if (!c)
            return invalidInput(QStringLiteral("case_id"), tr("No such case, or it is outside what you may see."));
        if (creating)
            a.branchId = c->branchId;
    }
    if (!access.inScope(a.branchId))
        return AccessPolicy::forbidden(tr("manage corrective actions of that branch"));
    if (m_options.assignRevisions) {
        auto revision = m_store.nextRevision();
        if (!revision)
            return revision.error();
        a.revision = *revision;
    }
    if (auto ok = m_store.saveCorrectiveAction(a); !ok)
        return ok.error();
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return a;
}

} // namespace casedesk
