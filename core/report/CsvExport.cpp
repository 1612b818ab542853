#include "report/CsvExport.h"

namespace casedesk {

QString CsvExport::field(const QString &value)
{
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')) || value.trimmed() != value;
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QByteArray CsvExport::write(const QList<ReportTable> &tables, QStringView language, const QStringList &preamble)
{
    QStringList lines;
    const auto line = [&lines](const QStringList &fields) {
        QStringList quoted;
        for (const QString &f : fields)
            quoted.append(field(f));
        lines.append(quoted.join(QLatin1Char(',')));
    };
    for (const QString &text : preamble)
        line({text});
    for (const ReportTable &table : tables) {
        lines.append(QString());
        line({table.title.text(language)});
        QStringList header;
        for (const ReportTable::Column &column : table.columns)
            header.append(column.title.text(language));
        line(header);
        for (const ReportTable::Row &row : table.rows) {
            QStringList fields;
            for (const ReportTable::Cell &cell : row.cells)
                fields.append(ReportTable::plain(cell));
            line(fields);
        }
    }
    // Excel detects UTF-8 only by the byte-order mark; without it Chinese turns into mojibake.
    return QByteArrayLiteral("\xEF\xBB\xBF") + lines.join(QLatin1String("\r\n")).toUtf8() + QByteArrayLiteral("\r\n");
}

} // namespace casedesk
