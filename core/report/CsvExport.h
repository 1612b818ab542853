#pragma once

#include "report/ReportTable.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace casedesk {

// Writes report tables as one CSV file: a few lines naming the report, then each table as a section
// (its title, a header line, its rows) separated by blank lines. UTF-8 with a byte-order mark and CRLF
// line ends, so Excel opens Chinese text correctly; values in their plain machine form (rates as
// fractions, dates ISO), as in the JSON.
class CsvExport
{
public:
    static QByteArray write(const QList<ReportTable> &tables, QStringView language, const QStringList &preamble);
    // One field, quoted when it holds a comma, quote, line break or leading/trailing space.
    static QString field(const QString &value);
};

} // namespace casedesk
