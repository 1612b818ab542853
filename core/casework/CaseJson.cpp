#include "casework/CaseJson.h"

#include "security/PiiMasker.h"

#include <QJsonArray>

namespace casedesk {

namespace {

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue date(const QDate &d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QDate readDate(const QJsonValue &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

QDateTime readTime(const QJsonValue &v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

QString CaseJson::time(const QDateTime &at, const QTimeZone &zone)
{
    if (!at.isValid())
        return {};
    return at.toTimeZone(zone).toString(Qt::ISODateWithMs);
}

QJsonObject CaseJson::toJson(const Case &c, const Options &options)
{
    auto t = [&options](const QDateTime &at) {
        return at.isValid() ? QJsonValue(time(at, options.zone)) : QJsonValue(QJsonValue::Null);
    };
    const bool reveal = options.revealPersonalData;
    QJsonArray reasons;
    QJsonArray reasonRules;
    for (const PriorityReason &reason : c.priorityReasons) {
        reasons.append(reason.text.text(options.language));
        reasonRules.append(QJsonObject {{QStringLiteral("rule"), reason.ruleId},
            {QStringLiteral("priority"), toCode(reason.priority)}, {QStringLiteral("text"), reason.text.toJson()}});
    }
    QJsonArray parties;
    for (Party party : c.parties) {
        if (!reveal)
            party.phone = PiiMasker::maskPhone(party.phone);
        parties.append(party.toJson());
    }
    QJsonObject json {
        {QStringLiteral("id"), c.id},
        {QStringLiteral("number"), c.number},
        {QStringLiteral("branch_id"), c.branchId},
        {QStringLiteral("handling_unit"), nullable(c.handlingUnit)},
        {QStringLiteral("channel"), toCode(c.channel)},
        {QStringLiteral("category"), c.category},
        {QStringLiteral("business_category"), nullable(c.businessCategory)},
        {QStringLiteral("channel_axis"), nullable(c.channelAxis)},
        {QStringLiteral("cause"), nullable(c.cause)},
        {QStringLiteral("product"), nullable(c.product)},
        {QStringLiteral("subject_staff"), nullable(c.subjectStaff)},
        {QStringLiteral("priority"), toCode(c.priority)},
        {QStringLiteral("priority_reasons"), reasons},
        {QStringLiteral("priority_rules"), reasonRules},
        {QStringLiteral("status"), toCode(c.status)},
        {QStringLiteral("received_at"), t(c.receivedAt)},
        {QStringLiteral("received_by"), nullable(c.receivedBy)},
        {QStringLiteral("complainant"),
            QJsonObject {{QStringLiteral("name"), nullable(c.complainant.name)},
                {QStringLiteral("phone"),
                    nullable(reveal ? c.complainant.phone : PiiMasker::maskPhone(c.complainant.phone))},
                {QStringLiteral("id_number"),
                    nullable(reveal ? c.complainant.idNumber : PiiMasker::maskIdNumber(c.complainant.idNumber))},
                {QStringLiteral("customer_reference"), nullable(c.complainant.customerReference)},
                {QStringLiteral("anonymous"), c.complainant.anonymous}, {QStringLiteral("masked"), !reveal}}},
        {QStringLiteral("parties"), parties},
        {QStringLiteral("group_size"), c.groupSize},
        {QStringLiteral("summary"), c.summary},
        {QStringLiteral("demand"), nullable(c.demand)},
        {QStringLiteral("amount"), c.amount ? c.amount->toJson() : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("assignee_id"), nullable(c.assigneeId)},
        {QStringLiteral("repeat_of"), nullable(c.repeatOf)},
        {QStringLiteral("forwarding"),
            c.forwarding.isEmpty() ? QJsonValue(QJsonValue::Null)
                                   : QJsonValue(QJsonObject {{QStringLiteral("body"), nullable(c.forwarding.body)},
                                       {QStringLiteral("reference"), nullable(c.forwarding.reference)},
                                       {QStringLiteral("due_date"), date(c.forwarding.dueDate)}})},
        {QStringLiteral("media_outlet"), nullable(c.mediaOutlet)},
        {QStringLiteral("recording_reference"), nullable(c.recordingReference)},
        {QStringLiteral("funds_safety"), c.fundsSafety},
        {QStringLiteral("threatens_escalation"), c.threatensEscalation},
        {QStringLiteral("escalated"), c.escalated},
        {QStringLiteral("conduct_issue"), c.conductIssue},
        {QStringLiteral("malicious"), c.malicious},
        {QStringLiteral("legal_dispute"), c.legalDispute},
        {QStringLiteral("resolve_extended"), c.resolveExtended},
        {QStringLiteral("extension_reason"), nullable(c.extensionReason)},
        {QStringLiteral("statutory_extensions"), c.statutoryExtensions},
        {QStringLiteral("registered_at"), t(c.registeredAt)},
        {QStringLiteral("dispatched_at"), t(c.dispatchedAt)},
        {QStringLiteral("first_contact_at"), t(c.firstContactAt)},
        {QStringLiteral("resolved_at"), t(c.resolvedAt)},
        {QStringLiteral("visited_at"), t(c.visitedAt)},
        {QStringLiteral("closed_at"), t(c.closedAt)},
        {QStringLiteral("reopen_count"), c.reopenCount},
        {QStringLiteral("deadlines"),
            QJsonObject {{QStringLiteral("register_by"), date(c.deadlines.registerBy)},
                {QStringLiteral("contact_by"), date(c.deadlines.contactBy)},
                {QStringLiteral("resolve_by"), date(c.deadlines.resolveBy)},
                {QStringLiteral("statutory_by"), date(c.deadlines.statutoryBy)},
                {QStringLiteral("forwarder_by"), date(c.deadlines.forwarderBy)},
                {QStringLiteral("visit_by"), date(c.deadlines.visitBy)},
                {QStringLiteral("due_by"), date(c.deadlines.dueBy)}}},
        {QStringLiteral("revision"), c.revision},
        {QStringLiteral("created_at"), t(c.createdAt)},
        {QStringLiteral("updated_at"), t(c.updatedAt)},
    };
    if (options.due) {
        json.insert(QStringLiteral("overdue"), options.due->overdue);
        json.insert(QStringLiteral("due_soon"), options.due->dueSoon);
        json.insert(QStringLiteral("governing_deadline"),
            QJsonObject {{QStringLiteral("kind"), nullable(options.due->governingKind)},
                {QStringLiteral("date"), date(options.due->governingDate)}});
    }
    return json;
}

Case CaseJson::fromJson(const QJsonObject &o)
{
    Case c;
    c.id = str(o, "id");
    c.number = str(o, "number");
    c.branchId = str(o, "branch_id");
    c.handlingUnit = str(o, "handling_unit");
    c.channel = fromCode<Channel>(str(o, "channel")).value_or(Channel::WalkIn);
    c.category = str(o, "category");
    c.businessCategory = str(o, "business_category");
    c.channelAxis = str(o, "channel_axis");
    c.cause = str(o, "cause");
    c.product = str(o, "product");
    c.subjectStaff = str(o, "subject_staff");
    c.priority = fromCode<Priority>(str(o, "priority")).value_or(Priority::Normal);
    for (const QJsonValue &value : o.value(QStringLiteral("priority_rules")).toArray()) {
        const QJsonObject rule = value.toObject();
        c.priorityReasons.append(
            {str(rule, "rule"), fromCode<Priority>(str(rule, "priority")).value_or(Priority::Normal),
                LocalizedText::fromJson(rule.value(QStringLiteral("text")).toObject())});
    }
    c.status = fromCode<CaseStatus>(str(o, "status")).value_or(CaseStatus::Received);
    c.receivedAt = readTime(o.value(QStringLiteral("received_at")));
    c.receivedBy = str(o, "received_by");
    const QJsonObject complainant = o.value(QStringLiteral("complainant")).toObject();
    c.complainant.name = str(complainant, "name");
    c.complainant.phone = str(complainant, "phone");
    c.complainant.idNumber = str(complainant, "id_number");
    c.complainant.customerReference = str(complainant, "customer_reference");
    c.complainant.anonymous = complainant.value(QStringLiteral("anonymous")).toBool();
    for (const QJsonValue &value : o.value(QStringLiteral("parties")).toArray()) {
        const QJsonObject p = value.toObject();
        c.parties.append(
            {str(p, "kind"), str(p, "name"), str(p, "phone"), str(p, "relationship"), str(p, "authorisation")});
    }
    c.groupSize = o.value(QStringLiteral("group_size")).toInt();
    c.summary = str(o, "summary");
    c.demand = str(o, "demand");
    if (o.value(QStringLiteral("amount")).isDouble()) {
        if (auto amount = Money::fromJson(o.value(QStringLiteral("amount"))))
            c.amount = amount.value();
    }
    c.assigneeId = str(o, "assignee_id");
    c.repeatOf = str(o, "repeat_of");
    const QJsonObject forwarding = o.value(QStringLiteral("forwarding")).toObject();
    c.forwarding = {
        str(forwarding, "body"), str(forwarding, "reference"), readDate(forwarding.value(QStringLiteral("due_date")))};
    c.mediaOutlet = str(o, "media_outlet");
    c.recordingReference = str(o, "recording_reference");
    c.fundsSafety = o.value(QStringLiteral("funds_safety")).toBool();
    c.threatensEscalation = o.value(QStringLiteral("threatens_escalation")).toBool();
    c.escalated = o.value(QStringLiteral("escalated")).toBool();
    c.conductIssue = o.value(QStringLiteral("conduct_issue")).toBool();
    c.malicious = o.value(QStringLiteral("malicious")).toBool();
    c.legalDispute = o.value(QStringLiteral("legal_dispute")).toBool();
    c.resolveExtended = o.value(QStringLiteral("resolve_extended")).toBool();
    c.extensionReason = str(o, "extension_reason");
    c.statutoryExtensions = o.value(QStringLiteral("statutory_extensions")).toInt();
    c.registeredAt = readTime(o.value(QStringLiteral("registered_at")));
    c.dispatchedAt = readTime(o.value(QStringLiteral("dispatched_at")));
    c.firstContactAt = readTime(o.value(QStringLiteral("first_contact_at")));
    c.resolvedAt = readTime(o.value(QStringLiteral("resolved_at")));
    c.visitedAt = readTime(o.value(QStringLiteral("visited_at")));
    c.closedAt = readTime(o.value(QStringLiteral("closed_at")));
    c.reopenCount = o.value(QStringLiteral("reopen_count")).toInt();
    const QJsonObject d = o.value(QStringLiteral("deadlines")).toObject();
    c.deadlines.registerBy = readDate(d.value(QStringLiteral("register_by")));
    c.deadlines.contactBy = readDate(d.value(QStringLiteral("contact_by")));
    c.deadlines.resolveBy = readDate(d.value(QStringLiteral("resolve_by")));
    c.deadlines.statutoryBy = readDate(d.value(QStringLiteral("statutory_by")));
    c.deadlines.forwarderBy = readDate(d.value(QStringLiteral("forwarder_by")));
    c.deadlines.visitBy = readDate(d.value(QStringLiteral("visit_by")));
    c.deadlines.dueBy = readDate(d.value(QStringLiteral("due_by")));
    c.revision = o.value(QStringLiteral("revision")).toInteger();
    c.createdAt = readTime(o.value(QStringLiteral("created_at")));
    c.updatedAt = readTime(o.value(QStringLiteral("updated_at")));
    return c;
}

QJsonObject CaseJson::toJson(const CaseRecord &record)
{
    return {{QStringLiteral("id"), record.id}, {QStringLiteral("case_id"), record.caseId},
        {QStringLiteral("kind"), record.kind}, {QStringLiteral("data"), record.data},
        {QStringLiteral("created_at"), time(record.createdAt)},
        {QStringLiteral("created_by"), nullable(record.createdBy)}, {QStringLiteral("revision"), record.revision}};
}

CaseRecord CaseJson::recordFromJson(const QJsonObject &o)
{
    return {str(o, "id"), str(o, "case_id"), str(o, "kind"), o.value(QStringLiteral("data")).toObject(),
        readTime(o.value(QStringLiteral("created_at"))), str(o, "created_by"),
        o.value(QStringLiteral("revision")).toInteger()};
}

QJsonObject CaseJson::toJson(const AuditEvent &e)
{
    return {{QStringLiteral("id"), e.id}, {QStringLiteral("case_id"), nullable(e.caseId)},
        {QStringLiteral("at"), time(e.at)}, {QStringLiteral("actor_id"), nullable(e.actorId)},
        {QStringLiteral("action"), e.action},
        {QStringLiteral("from_status"),
            e.fromStatus ? QJsonValue(toCode(*e.fromStatus)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("to_status"), e.toStatus ? QJsonValue(toCode(*e.toStatus)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("reason"), nullable(e.reason)}, {QStringLiteral("details"), e.details},
        {QStringLiteral("revision"), e.revision}};
}

AuditEvent CaseJson::auditFromJson(const QJsonObject &o)
{
    AuditEvent e;
    e.id = str(o, "id");
    e.caseId = str(o, "case_id");
    e.at = readTime(o.value(QStringLiteral("at")));
    e.actorId = str(o, "actor_id");
    e.action = str(o, "action");
    e.fromStatus = fromCode<CaseStatus>(str(o, "from_status"));
    e.toStatus = fromCode<CaseStatus>(str(o, "to_status"));
    e.reason = str(o, "reason");
    e.details = o.value(QStringLiteral("details")).toObject();
    e.revision = o.value(QStringLiteral("revision")).toInteger();
    return e;
}

QJsonObject CaseJson::toJson(const CorrectiveAction &a)
{
    return {{QStringLiteral("id"), a.id}, {QStringLiteral("case_id"), nullable(a.caseId)},
        {QStringLiteral("branch_id"), a.branchId}, {QStringLiteral("title"), a.title},
        {QStringLiteral("description"), nullable(a.description)}, {QStringLiteral("owner"), nullable(a.owner)},
        {QStringLiteral("due_on"), date(a.dueOn)}, {QStringLiteral("status"), a.status},
        {QStringLiteral("done_on"), date(a.doneOn)}, {QStringLiteral("created_at"), time(a.createdAt)},
        {QStringLiteral("created_by"), nullable(a.createdBy)}, {QStringLiteral("revision"), a.revision}};
}

CorrectiveAction CaseJson::correctiveActionFromJson(const QJsonObject &o)
{
    CorrectiveAction a;
    a.id = str(o, "id");
    a.caseId = str(o, "case_id");
    a.branchId = str(o, "branch_id");
    a.title = str(o, "title");
    a.description = str(o, "description");
    a.owner = str(o, "owner");
    a.dueOn = readDate(o.value(QStringLiteral("due_on")));
    a.status = str(o, "status");
    a.doneOn = readDate(o.value(QStringLiteral("done_on")));
    a.createdAt = readTime(o.value(QStringLiteral("created_at")));
    a.createdBy = str(o, "created_by");
    a.revision = o.value(QStringLiteral("revision")).toInteger();
    return a;
}

} // namespace casedesk
