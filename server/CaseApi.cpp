#include "CaseApi.h"

#include "AccountStore.h"
#include "CaseListQuery.h"
#include "DataDirectory.h"
#include "QueryReader.h"
#include "base/JsonReader.h"
#include "casework/CaseJson.h"
#include "casework/CaseNumber.h"
#include "casework/CaseRules.h"
#include "casework/CaseService.h"
#include "storage/CaseStore.h"

#include <QJsonArray>
#include <QUuid>

namespace casedesk {

namespace {

// The record endpoints of DESIGN §5 and the record kind each appends (resources/rules/case-records.json).
const QList<QPair<QString, QString>> recordEndpoints = {
    {QStringLiteral("contacts"), QStringLiteral("contact")},
    {QStringLiteral("visits"), QStringLiteral("visit")},
    {QStringLiteral("notes"), QStringLiteral("note")},
    {QStringLiteral("compensations"), QStringLiteral("compensation")},
    {QStringLiteral("mediations"), QStringLiteral("mediation")},
    {QStringLiteral("supervision-reply"), QStringLiteral("supervision_reply")},
    {QStringLiteral("investigations"), QStringLiteral("investigation")},
    {QStringLiteral("replies"), QStringLiteral("reply")},
};

bool isUuid(const QString &text)
{
    return !QUuid::fromString(text).isNull();
}

} // namespace

CaseApi::CaseApi(ApiServices &services)
    : m_services(services)
{ }

void CaseApi::addRoutes(ApiRouter &router)
{
    using Method = QHttpServerRequest::Method;
    using Work = ApiRouter::Work;
    const auto auth = ApiRouter::Access::Authenticated;
    auto bind = [this](ApiReply (CaseApi::*handler)(ApiRequest &)) {
        return [this, handler](ApiRequest &r) { return (this->*handler)(r); };
    };
    router.add(Method::Post, QStringLiteral("/api/v1/cases"), auth, Work::Write, bind(&CaseApi::create));
    router.add(Method::Get, QStringLiteral("/api/v1/cases"), auth, Work::Read, bind(&CaseApi::list));
    router.add(Method::Get, QStringLiteral("/api/v1/cases/{id}"), auth, Work::Read, bind(&CaseApi::read));
    router.add(Method::Patch, QStringLiteral("/api/v1/cases/{id}"), auth, Work::Write, bind(&CaseApi::patch));
    router.add(Method::Get, QStringLiteral("/api/v1/cases/{id}/transitions"), auth, Work::Read,
        bind(&CaseApi::availableTransitions));
    router.add(
        Method::Post, QStringLiteral("/api/v1/cases/{id}/transitions"), auth, Work::Write, bind(&CaseApi::transition));
    for (const auto &[endpoint, kind] : recordEndpoints) {
        router.add(Method::Post, QStringLiteral("/api/v1/cases/{id}/") + endpoint, auth, Work::Write,
            [this, kind = kind](ApiRequest &r) { return appendRecord(r, kind); });
    }
    router.add(Method::Post, QStringLiteral("/api/v1/cases/{id}/records"), auth, Work::Write,
        [this](ApiRequest &r) { return appendRecord(r, {}); });
    router.add(Method::Get, QStringLiteral("/api/v1/cases/{id}/records"), auth, Work::Read, bind(&CaseApi::records));
    router.add(Method::Post, QStringLiteral("/api/v1/cases/{id}/actions"), auth, Work::Write, bind(&CaseApi::action));
    router.add(Method::Get, QStringLiteral("/api/v1/cases/{id}/history"), auth, Work::Read, bind(&CaseApi::history));
    router.add(Method::Get, QStringLiteral("/api/v1/cases/{id}/corrective-actions"), auth, Work::Read,
        bind(&CaseApi::caseCorrectiveActions));
    router.add(
        Method::Get, QStringLiteral("/api/v1/corrective-actions"), auth, Work::Read, bind(&CaseApi::correctiveActions));
    router.add(Method::Post, QStringLiteral("/api/v1/corrective-actions"), auth, Work::Write,
        [this](ApiRequest &r) { return saveCorrectiveAction(r, true); });
    router.add(Method::Patch, QStringLiteral("/api/v1/corrective-actions/{id}"), auth, Work::Write,
        [this](ApiRequest &r) { return saveCorrectiveAction(r, false); });
}

CaseRenderer CaseApi::renderer(const ApiRequest &request) const
{
    return CaseRenderer(m_services.data.cases(), *m_services.data.rules(), m_services.clock, request.language);
}

ApiReply CaseApi::changed(const ApiRequest &request, const CaseChange &change, int status)
{
    QJsonObject json = renderer(request).render(change.current, false);
    json.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(change.warnings));
    return ApiReply::json(json, status);
}

ApiReply CaseApi::failed(const ApiRequest &request, const Error &error, const QString &caseId)
{
    Error e = error;
    if (error.code == QLatin1String("conflict") && !caseId.isEmpty()) {
        if (auto current = m_services.cases.read(caseId, request.policy()))
            e.details.insert(QStringLiteral("current"), renderer(request).render(*current, false));
    }
    return ApiReply::error(e);
}

Result<Case> CaseApi::caseFor(const ApiRequest &request, const QString &idOrNumber)
{
    // A case is addressed by its UUID; GET also takes its number (what a counter clerk reads out).
    if (isUuid(idOrNumber))
        return m_services.cases.read(idOrNumber, request.policy());
    if (CaseNumber::isWellFormed(idOrNumber)) {
        auto found = m_services.data.cases().findCaseByNumber(idOrNumber);
        if (!found)
            return found.error();
        if (found->has_value())
            return m_services.cases.read((*found)->id, request.policy());
    }
    return AccessPolicy::notFound();
}

ApiReply CaseApi::create(ApiRequest &request)
{
    auto body = request.jsonObject();
    if (!body)
        return ApiReply::error(body.error());
    // Cases registered online carry the server's own device code; devices number theirs offline.
    auto change
        = m_services.cases.create(*body, request.policy(), CaseNumber::deviceCode(AccountStore::serverDeviceIndex));
    if (!change)
        return failed(request, change.error(), {});
    return changed(request, *change, 201);
}

ApiReply CaseApi::list(ApiRequest &request)
{
    const AccessPolicy &access = request.policy();
    if (!access.canReadCases())
        return ApiReply::error(AccessPolicy::forbidden(tr("read cases")));
    auto query = CaseListQuery::parse(
        request.query, access, m_services.data.cases(), *m_services.data.rules(), m_services.clock);
    if (!query)
        return ApiReply::error(query.error());
    auto page = m_services.data.cases().listCases(*query);
    if (!page)
        return ApiReply::error(page.error());
    CaseQuery counting = *query;
    counting.cursor.clear();
    auto total = m_services.data.cases().countCases(counting);
    if (!total)
        return ApiReply::error(total.error());
    CaseRenderer render = renderer(request);
    QJsonArray cases;
    for (const Case &c : page->cases) {
        // Lists are always masked (DESIGN §7).
        if (access.canRead(c))
            cases.append(render.render(c, false));
    }
    return ApiReply::json({{QStringLiteral("cases"), cases},
        {QStringLiteral("next_cursor"),
            page->nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page->nextCursor)},
        {QStringLiteral("has_more"), !page->nextCursor.isEmpty()}, {QStringLiteral("total"), *total}});
}

ApiReply CaseApi::read(ApiRequest &request)
{
    QueryReader reader(request.query);
    reader.rejectUnknown({QStringLiteral("reveal"), QStringLiteral("purpose")});
    const bool wantReveal = reader.boolean(QStringLiteral("reveal")).value_or(true);
    const QString purpose = reader.string(QStringLiteral("purpose"));
    if (purpose.size() > 200)
        reader.invalid(QStringLiteral("purpose"), tr("The purpose is longer than 200 characters."));
    if (!reader.ok())
        return ApiReply::error(reader.error());
    auto c = caseFor(request, request.capture(0));
    if (!c)
        return ApiReply::error(c.error());
    // Unmasked only for those who may see personal data, and each such view is audited (DESIGN §7).
    const bool reveal = wantReveal && request.policy().canRevealPersonalData(*c)
        && (!c->complainant.phone.isEmpty() || !c->complainant.idNumber.isEmpty());
    if (reveal) {
        if (auto ok = m_services.cases.recordPersonalDataView(
                *c, request.policy(), purpose.isEmpty() ? QStringLiteral("case_view") : purpose);
            !ok)
            return ApiReply::error(ok.error());
    }
    return ApiReply::json(renderer(request).render(*c, reveal));
}

ApiReply CaseApi::patch(ApiRequest &request)
{
    auto body = request.jsonObject();
    if (!body)
        return ApiReply::error(body.error());
    JsonReader reader(*body);
    reader.rejectUnknown({QStringLiteral("base_revision"), QStringLiteral("fields")});
    const qint64 baseRevision = reader.integer(QStringLiteral("base_revision"), 0, true);
    const QJsonObject fields = reader.object(QStringLiteral("fields"), true);
    if (!reader.ok())
        return ApiReply::error(reader.error());
    const QString id = request.capture(0);
    auto change = m_services.cases.update(id, fields, baseRevision, request.policy(), CaseService::Merge::AllOrNothing);
    if (!change)
        return failed(request, change.error(), id);
    return changed(request, *change);
}

ApiReply CaseApi::availableTransitions(ApiRequest &request)
{
    auto c = m_services.cases.read(request.capture(0), request.policy());
    if (!c)
        return ApiReply::error(c.error());
    QJsonArray states;
    for (CaseStatus status : m_services.data.rules()->workflow().availableTransitions(*c, request.user()))
        states.append(toCode(status));
    return ApiReply::json({{QStringLiteral("status"), toCode(c->status)}, {QStringLiteral("revision"), c->revision},
        {QStringLiteral("available"), states}});
}

ApiReply CaseApi::transition(ApiRequest &request)
{
    auto body = request.jsonObject();
    if (!body)
        return ApiReply::error(body.error());
    JsonReader reader(*body);
    reader.rejectUnknown(
        {QStringLiteral("to"), QStringLiteral("reason"), QStringLiteral("base_revision"), QStringLiteral("voluntary")});
    const QString to = reader.string(QStringLiteral("to"), true);
    TransitionRequest transition;
    transition.reason = reader.string(QStringLiteral("reason")).trimmed();
    transition.voluntary = reader.optionalBoolean(QStringLiteral("voluntary"));
    std::optional<qint64> baseRevision;
    if (reader.has(QStringLiteral("base_revision")))
        baseRevision = reader.integer(QStringLiteral("base_revision"));
    const auto status = fromCode<CaseStatus>(to);
    if (reader.ok() && !status)
        reader.invalid(QStringLiteral("to"),
            tr("“%1” is not a case status; statuses are %2.")
                .arg(to, allCodes<CaseStatus>().join(QStringLiteral(", "))));
    if (!reader.ok())
        return ApiReply::error(reader.error());
    transition.to = *status;
    const QString id = request.capture(0);
    auto change = m_services.cases.transition(id, transition, baseRevision, request.policy());
    if (!change)
        return failed(request, change.error(), id);
    return changed(request, *change);
}

ApiReply CaseApi::appendRecord(ApiRequest &request, const QString &endpointKind)
{
    auto body = request.jsonObject();
    if (!body)
        return ApiReply::error(body.error());
    QString kind = endpointKind;
    QJsonObject data = *body;
    QString recordId;
    JsonReader reader(*body);
    if (kind.isEmpty()) {
        // POST /records: {kind, data, id?}
        reader.rejectUnknown({QStringLiteral("kind"), QStringLiteral("data"), QStringLiteral("id")});
        kind = reader.string(QStringLiteral("kind"), true);
        data = reader.object(QStringLiteral("data"), true);
    } else {
        data.remove(QStringLiteral("id"));
    }
    // A client may name the record (it wrote it offline first, DESIGN §6).
    recordId = reader.string(QStringLiteral("id"));
    if (reader.ok() && !recordId.isEmpty() && !isUuid(recordId))
        reader.invalid(QStringLiteral("id"), tr("Field “id” must be a UUID."));
    if (!reader.ok())
        return ApiReply::error(reader.error());
    const QString caseId = request.capture(0);
    auto change = m_services.cases.appendRecord(caseId, kind, data, request.policy(), recordId);
    if (!change)
        return failed(request, change.error(), caseId);
    QJsonObject json {{QStringLiteral("case"), renderer(request).render(change->current, false)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(change->warnings)}};
    if (change->record)
        json.insert(QStringLiteral("record"), CaseJson::toJson(*change->record));
    return ApiReply::json(json, 201);
}

ApiReply CaseApi::records(ApiRequest &request)
{
    QueryReader reader(request.query);
    reader.rejectUnknown({QStringLiteral("kind")});
    const QString kind = reader.string(QStringLiteral("kind"));
    if (!kind.isEmpty() && !m_services.data.rules()->pack().recordSchema().kind(kind))
        reader.invalid(QStringLiteral("kind"), tr("“%1” is not a kind of case record.").arg(kind));
    if (!reader.ok())
        return ApiReply::error(reader.error());
    auto c = m_services.cases.read(request.capture(0), request.policy());
    if (!c)
        return ApiReply::error(c.error());
    auto list = m_services.data.cases().records(c->id, kind);
    if (!list)
        return ApiReply::error(list.error());
    QJsonArray records;
    for (const CaseRecord &record : list.value())
        records.append(CaseJson::toJson(record));
    return ApiReply::json({{QStringLiteral("records"), records}});
}

ApiReply CaseApi::action(ApiRequest &request)
{
    auto body = request.jsonObject();
    if (!body)
        return ApiReply::error(body.error());
    JsonReader reader(*body);
    const QString action = reader.string(QStringLiteral("action"), true);
    if (!reader.ok())
        return ApiReply::error(reader.error());
    QJsonObject params = *body;
    params.remove(QStringLiteral("action"));
    const QString id = request.capture(0);
    auto change = m_services.cases.perform(id, action, params, request.policy());
    if (!change)
        return failed(request, change.error(), id);
    return changed(request, *change);
}

ApiReply CaseApi::history(ApiRequest &request)
{
    auto c = m_services.cases.read(request.capture(0), request.policy());
    if (!c)
        return ApiReply::error(c.error());
    // The audit trail is for those who review work (BRIEF §1: supervisors, managers, auditors).
    if (!request.policy().canReadAuditTrail())
        return ApiReply::error(AccessPolicy::forbidden(tr("read the audit trail")));
    auto trail = m_services.data.cases().auditTrail(c->id);
    if (!trail)
        return ApiReply::error(trail.error());
    QJsonArray events;
    for (const AuditEvent &event : trail.value())
        events.append(CaseJson::toJson(event));
    return ApiReply::json({{QStringLiteral("events"), events}});
}

ApiReply CaseApi::caseCorrectiveActions(ApiRequest &request)
{
    auto c = m_services.cases.read(request.capture(0), request.policy());
    if (!c)
        return ApiReply::error(c.error());
    auto actions = m_services.data.cases().correctiveActions({}, c->id);
    if (!actions)
        return ApiReply::error(actions.error());
    QJsonArray list;
    for (const CorrectiveAction &a : actions.value())
        list.append(CaseJson::toJson(a));
    return ApiReply::json({{QStringLiteral("corrective_actions"), list}});
}

ApiReply CaseApi::correctiveActions(ApiRequest &request)
{
    QueryReader reader(request.query);
    reader.rejectUnknown({QStringLiteral("status")});
    const QString status = reader.oneOf(QStringLiteral("status"), CorrectiveAction::statuses());
    if (!reader.ok())
        return ApiReply::error(reader.error());
    const AccessPolicy &access = request.policy();
    if (!access.canReadCases())
        return ApiReply::error(AccessPolicy::forbidden(tr("read corrective actions")));
    if (access.scope().isEmpty())
        return ApiReply::json({{QStringLiteral("corrective_actions"), QJsonArray()}});
    auto actions = m_services.data.cases().correctiveActions(access.scope());
    if (!actions)
        return ApiReply::error(actions.error());
    QJsonArray list;
    for (const CorrectiveAction &a : actions.value()) {
        if (status.isEmpty() || a.status == status)
            list.append(CaseJson::toJson(a));
    }
    return ApiReply::json({{QStringLiteral("corrective_actions"), list}});
}

ApiReply CaseApi::saveCorrectiveAction(ApiRequest &request, bool creating)
{
    auto body = request.jsonObject();
    if (!body)
        return ApiReply::error(body.error());
    QJsonObject input = *body;
    QString id;
    if (creating) {
        // A client may name an action it created offline.
        id = input.take(QStringLiteral("id")).toString();
        if (!id.isEmpty() && !isUuid(id))
            return ApiReply::error(Error {QStringLiteral("invalid_value"), tr("Field “id” must be a UUID."),
                {{QStringLiteral("field"), QStringLiteral("id")}}});
        if (!id.isEmpty()) {
            auto existing = m_services.data.cases().findCorrectiveAction(id);
            if (!existing)
                return ApiReply::error(existing.error());
            if (existing->has_value())
                return ApiReply::error(
                    Error {QStringLiteral("already_exists"), tr("A corrective action with this id already exists."),
                        {{QStringLiteral("field"), QStringLiteral("id")}}});
        }
    } else {
        id = request.capture(0);
        auto existing = isUuid(id) ? m_services.data.cases().findCorrectiveAction(id)
                                   : Result<std::optional<CorrectiveAction>>(std::optional<CorrectiveAction>());
        if (!existing)
            return ApiReply::error(existing.error());
        if (!existing->has_value() || !request.policy().inScope((*existing)->branchId))
            return ApiReply::error(Error {QStringLiteral("not_found"), tr("No such corrective action."), {}});
    }
    auto saved = m_services.cases.saveCorrectiveAction(input, request.policy(), id);
    if (!saved)
        return ApiReply::error(saved.error());
    return ApiReply::json(CaseJson::toJson(*saved), creating ? 201 : 200);
}

} // namespace casedesk
