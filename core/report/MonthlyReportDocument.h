#pragma once

#include "base/Result.h"
#include "report/MonthlyReport.h"
#include "report/PrintDocument.h"
#include "report/RenderedFile.h"

#include <QCoreApplication>
#include <QString>

namespace casedesk {

// The monthly report as managers print it (BRIEF §8): A4, Chinese by default or English, with a cover
// (organisation, period, scope, prepared by, date), the KPI summary with 环比/同比 and a plain-language
// summary, warnings, the 12-month trend and distribution charts, the tables, the regulator's three axes,
// handlers, repeat and escalated cases, corrective measures, the definitions appendix and a signature
// block; and the same report as JSON, XLSX and CSV. The server's GET /api/v1/reports/monthly answers
// with render(); the client previews and prints printDocument() through QPrintPreviewDialog.
class MonthlyReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(MonthlyReportDocument)

public:
    enum class Format { Json, Pdf, Xlsx, Csv };

    // "json", "pdf", "xlsx", "csv" (empty → json); error "invalid_format" naming the field "format".
    static Result<Format> parseFormat(const QString &code);
    // One call for the HTTP endpoint: parse the format and render. language: "zh_CN" (default) or "en".
    static Result<RenderedFile> render(
        const MonthlyReport &report, const QString &format, const QString &language = QStringLiteral("zh_CN"));

    explicit MonthlyReportDocument(const MonthlyReport &report, QString language = QStringLiteral("zh_CN"));

    Result<RenderedFile> render(Format format) const;
    // The pages for PDF, QPrinter and QPrintPreviewDialog.
    PrintDocument printDocument() const;
    // The suggested file name: "casedesk-monthly-SH01-2026-03.pdf".
    QString fileName(const QString &extension) const;
    // Title of the report in the document's language ("客户投诉处理月度报告").
    QString title() const;

private:
    QString text(const char16_t *zh, const char16_t *en) const;
    QString summary() const;

    MonthlyReport m_report;
    QString m_language;
};

} // namespace casedesk
