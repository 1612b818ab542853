#include "SyncApi.h"

#include "AccountStore.h"
#include "DataDirectory.h"
#include "OpLog.h"
#include "QueryReader.h"
#include "ServerMetrics.h"
#include "base/JsonReader.h"
#include "casework/CaseNumber.h"
#include "casework/CaseService.h"
#include "storage/CaseStore.h"
#include "sync/ChangeFeed.h"
#include "sync/SyncOpApplier.h"

#include <QJsonArray>

namespace casedesk {

SyncApi::SyncApi(ApiServices &services)
    : m_services(services)
{ }

void SyncApi::addRoutes(ApiRouter &router)
{
    using Method = QHttpServerRequest::Method;
    router.add(Method::Post, QStringLiteral("/api/v1/sync/push"), ApiRouter::Access::Authenticated,
        ApiRouter::Work::Write, [this](ApiRequest &r) { return push(r); });
    router.add(Method::Get, QStringLiteral("/api/v1/sync/pull"), ApiRouter::Access::Authenticated,
        ApiRouter::Work::Read, [this](ApiRequest &r) { return pull(r); });
}

ApiReply SyncApi::push(ApiRequest &request)
{
    auto body = request.jsonObject();
    if (!body)
        return ApiReply::error(body.error());
    JsonReader reader(*body);
    reader.rejectUnknown({QStringLiteral("device"), QStringLiteral("ops")});
    const QString device = reader.string(QStringLiteral("device")).trimmed();
    const QJsonArray ops = reader.array(QStringLiteral("ops"), true);
    if (reader.ok() && ops.size() > maximumOpsPerPush)
        reader.invalid(QStringLiteral("ops"), tr("Push at most %1 ops at a time.").arg(maximumOpsPerPush));
    const Session &session = *request.session;
    // The device that pushes is the one this session logged in from; case numbers it did not set are
    // issued with its code (DESIGN §6).
    if (reader.ok() && !device.isEmpty() && device != session.deviceCode && device != session.record.deviceId)
        reader.invalid(QStringLiteral("device"), tr("“device” is not the device this session logged in from."));
    if (!reader.ok())
        return ApiReply::error(reader.error());
    const QString deviceCode
        = session.deviceCode.isEmpty() ? CaseNumber::deviceCode(AccountStore::serverDeviceIndex) : session.deviceCode;

    OpLog &log = m_services.data.opLog();
    CaseJson::Options json;
    json.language = request.language;
    SyncOpApplier applier(m_services.cases, json);
    QJsonArray results;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        if (!ops.at(i).isObject()) {
            SyncOpResult rejected;
            rejected.status = SyncOpResult::Status::Rejected;
            rejected.error = {QStringLiteral("invalid_type"), tr("Each op must be an object."),
                {{QStringLiteral("field"), QStringLiteral("ops[%1]").arg(i)}}};
            results.append(rejected.toJson());
            m_services.metrics.observeSyncOp(QStringLiteral("rejected"));
            continue;
        }
        const QJsonObject opJson = ops.at(i).toObject();
        auto op = SyncOp::fromJson(opJson);
        if (!op) {
            // Not an op we can remember (no valid op_id): refused every time it comes.
            SyncOpResult rejected;
            rejected.opId = opJson.value(QStringLiteral("op_id")).toString();
            rejected.status = SyncOpResult::Status::Rejected;
            rejected.error = op.error();
            results.append(rejected.toJson());
            m_services.metrics.observeSyncOp(QStringLiteral("rejected"));
            continue;
        }
        auto earlier = log.find(op->opId);
        if (!earlier)
            return ApiReply::error(earlier.error());
        if (earlier->has_value()) {
            SyncOpResult result = (*earlier)->result;
            if ((*earlier)->userId != request.user().id) {
                // Another user's op id: do not show them its result.
                result = SyncOpResult();
                result.opId = op->opId;
                result.status = SyncOpResult::Status::Rejected;
                result.error = {QStringLiteral("already_exists"), tr("This op_id was used by another user."),
                    {{QStringLiteral("field"), QStringLiteral("op_id")}}};
            }
            results.append(result.toJson());
            m_services.metrics.observeSyncOp(QStringLiteral("replayed"));
            continue;
        }
        // The op's change and its log entry commit together, so a replay can never apply it twice.
        auto result = applier.apply(*op, request.policy(), deviceCode);
        if (!result)
            return ApiReply::error(result.error());
        if (auto ok = log.record(*op, request.user().id, *result, m_services.clock.now()); !ok)
            return ApiReply::error(ok.error());
        results.append(result->toJson());
        m_services.metrics.observeSyncOp(SyncOpResult::statusCode(result->status));
    }
    auto revision = m_services.data.cases().currentRevision();
    if (!revision)
        return ApiReply::error(revision.error());
    return ApiReply::json({{QStringLiteral("results"), results}, {QStringLiteral("revision"), *revision}});
}

ApiReply SyncApi::pull(ApiRequest &request)
{
    QueryReader reader(request.query);
    reader.rejectUnknown({QStringLiteral("since"), QStringLiteral("limit")});
    const qint64 since = reader.integer(QStringLiteral("since"), 0, std::numeric_limits<qint64>::max()).value_or(0);
    const int limit = int(reader.integer(QStringLiteral("limit"), 1, maximumPullLimit).value_or(defaultPullLimit));
    if (!reader.ok())
        return ApiReply::error(reader.error());
    CaseJson::Options json;
    json.language = request.language;
    auto page = ChangeFeed(m_services.data.cases(), json).since(since, request.policy(), limit);
    if (!page)
        return ApiReply::error(page.error());
    QJsonArray changes;
    for (const Change &change : page->changes)
        changes.append(change.toJson());
    return ApiReply::json({{QStringLiteral("changes"), changes}, {QStringLiteral("next"), page->next},
        {QStringLiteral("has_more"), page->hasMore}});
}

} // namespace casedesk
