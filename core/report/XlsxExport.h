#pragma once

#include "base/Result.h"
#include "report/ReportTable.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace casedesk {

// Writes report tables as an Excel workbook with libxlsxwriter (DESIGN §2): one sheet per table, a
// title row and a frozen header row, numbers as numbers with number formats (rates as fractions shown
// as percentages, like the JSON), dates as Excel dates.
class XlsxExport
{
    Q_DECLARE_TR_FUNCTIONS(XlsxExport)

public:
    // Error "export_failed" when the workbook cannot be written (e.g. no temporary directory).
    static Result<QByteArray> write(
        const QList<ReportTable> &tables, QStringView language, const QString &title, const QString &author);
    // A valid, unique sheet name for a title: at most 31 characters, none of []:*?/\ (Excel's rules).
    static QString sheetName(const QString &title, const QStringList &taken);
};

} // namespace casedesk
