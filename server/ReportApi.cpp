#include "ReportApi.h"

#include "DataDirectory.h"
#include "QueryReader.h"
#include "report/MonthlyReportDocument.h"
#include "report/MonthlyReportEngine.h"
#include "storage/CaseStore.h"

#include <QUrl>

namespace casedesk {

ReportApi::ReportApi(ApiServices &services, EarlyWarningRules warningRules)
    : m_services(services)
    , m_warningRules(std::move(warningRules))
{ }

void ReportApi::addRoutes(ApiRouter &router)
{
    router.add(QHttpServerRequest::Method::Get, QStringLiteral("/api/v1/reports/monthly"),
        ApiRouter::Access::Authenticated, ApiRouter::Work::Read, [this](ApiRequest &r) { return monthly(r); });
}

Result<QString> ReportApi::branchId(const QString &idOrCode) const
{
    CaseStore &store = m_services.data.cases();
    auto found = store.findBranchByCode(idOrCode);
    if (found && !found->has_value())
        found = store.findBranch(idOrCode);
    if (!found)
        return found.error();
    if (!found->has_value()) {
        return Error {QStringLiteral("not_found"), tr("No such branch, or it is outside what you may see."),
            {{QStringLiteral("field"), QStringLiteral("branch")}}};
    }
    return (*found)->id;
}

ApiReply ReportApi::monthly(ApiRequest &request)
{
    QueryReader reader(request.query);
    reader.rejectUnknown(
        {QStringLiteral("month"), QStringLiteral("branch"), QStringLiteral("format"), QStringLiteral("language")});
    const QString formatCode = reader.oneOf(QStringLiteral("format"),
        {QStringLiteral("json"), QStringLiteral("pdf"), QStringLiteral("xlsx"), QStringLiteral("csv")});
    // The document's language: ?language= first, then Accept-Language (ApiRequest), Chinese by default.
    const QString language = reader.oneOf(QStringLiteral("language"), {QStringLiteral("zh_CN"), QStringLiteral("en")});
    if (!reader.has(QStringLiteral("month")))
        reader.invalid(QStringLiteral("month"), tr("the month to report is required, as YYYY-MM"));
    if (!reader.ok())
        return ApiReply::error(reader.error());
    auto month = ReportMonth::parse(reader.string(QStringLiteral("month")));
    if (!month)
        return ApiReply::error(month.error());

    QString branch;
    if (reader.has(QStringLiteral("branch"))) {
        auto id = branchId(reader.string(QStringLiteral("branch")));
        if (!id)
            return ApiReply::error(id.error());
        branch = id.value();
    }
    const MonthlyReportEngine engine(
        m_services.data.cases(), m_services.data.rules(), m_warningRules, m_services.clock);
    auto report = engine.compute(month.value(), branch, request.policy());
    if (!report)
        return ApiReply::error(report.error());
    auto file
        = MonthlyReportDocument::render(report.value(), formatCode, language.isEmpty() ? request.language : language);
    if (!file)
        return ApiReply::error(file.error());
    ApiReply reply = ApiReply::text(file->bytes, file->mimeType.toUtf8());
    if (formatCode != QLatin1String("json") && !formatCode.isEmpty()) {
        // RFC 6266: an ASCII fallback and the UTF-8 name, so browsers and curl -J save it under its name.
        const QByteArray encoded = QUrl::toPercentEncoding(file->fileName);
        reply.withHeader(QByteArrayLiteral("Content-Disposition"),
            QByteArrayLiteral("attachment; filename=\"report.") + formatCode.toLatin1()
                + QByteArrayLiteral("\"; filename*=UTF-8''") + encoded);
    }
    return reply;
}

} // namespace casedesk
