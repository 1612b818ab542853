#include "report/XlsxExport.h"

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>

#include <xlsxwriter.h>

namespace casedesk {

namespace {

using Type = ReportTable::Type;

// The number format of each cell type; the value written is the same number as in the JSON.
const char *numberFormat(Type type)
{
    switch (type) {
    case Type::Count:
        return "#,##0";
    case Type::Rate:
        return "0.0%";
    case Type::Days:
    case Type::Decimal:
        return "0.00";
    case Type::RelativeChange:
    case Type::PointChange:
        return "+0.0%;-0.0%;0.0%";
    case Type::DayChange:
        return "+0.00;-0.00;0.00";
    case Type::Date:
        return "yyyy-mm-dd";
    case Type::DateTime:
        return "yyyy-mm-dd hh:mm";
    case Type::Text:
        break;
    }
    return nullptr;
}

// Formats are owned by the workbook; this keeps one per combination of type, emphasis and indent.
class Formats
{
public:
    explicit Formats(lxw_workbook *workbook)
        : m_workbook(workbook)
    { }

    lxw_format *get(Type type, ReportTable::Emphasis emphasis, int indent)
    {
        const int key = int(type) * 1000 + int(emphasis) * 100 + qBound(0, indent, 9);
        if (lxw_format *existing = m_formats.value(key))
            return existing;
        lxw_format *format = workbook_add_format(m_workbook);
        if (const char *number = numberFormat(type))
            format_set_num_format(format, number);
        if (emphasis == ReportTable::Emphasis::Total) {
            format_set_bold(format);
            format_set_top(format, LXW_BORDER_THIN);
        }
        if (emphasis == ReportTable::Emphasis::Warning)
            format_set_font_color(format, 0xA31F26);
        if (indent > 0)
            format_set_indent(format, uint8_t(indent));
        format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
        if (type == Type::Text)
            format_set_text_wrap(format);
        m_formats.insert(key, format);
        return format;
    }

    lxw_format *title()
    {
        if (!m_title) {
            m_title = workbook_add_format(m_workbook);
            format_set_bold(m_title);
            format_set_font_size(m_title, 13);
        }
        return m_title;
    }

    lxw_format *header()
    {
        if (!m_header) {
            m_header = workbook_add_format(m_workbook);
            format_set_bold(m_header);
            format_set_bg_color(m_header, 0xE6ECF3);
            format_set_bottom(m_header, LXW_BORDER_THIN);
            format_set_text_wrap(m_header);
            format_set_align(m_header, LXW_ALIGN_VERTICAL_CENTER);
        }
        return m_header;
    }

private:
    lxw_workbook *m_workbook;
    QHash<int, lxw_format *> m_formats;
    lxw_format *m_title = nullptr;
    lxw_format *m_header = nullptr;
};

lxw_datetime excelTime(const QDateTime &at)
{
    const QDate d = at.date();
    const QTime t = at.time();
    return {d.year(), d.month(), d.day(), t.hour(), t.minute(), double(t.second()) + t.msec() / 1000.0};
}

// Display width in Excel's units: a CJK character is about two Latin ones.
double displayWidth(const QString &text)
{
    double width = 0;
    for (const QChar c : text)
        width += c.unicode() >= 0x2E80 ? 2.1 : 1.1;
    return width;
}

} // namespace

QString XlsxExport::sheetName(const QString &title, const QStringList &taken)
{
    QString name = title;
    for (const QChar bad : {u'[', u']', u':', u'*', u'?', u'/', u'\\'})
        name.replace(bad, QLatin1Char('-'));
    name = name.trimmed();
    if (name.isEmpty())
        name = QStringLiteral("Sheet");
    name = name.left(31).trimmed();
    QString unique = name;
    for (int n = 2; taken.contains(unique, Qt::CaseInsensitive); ++n) {
        const QString suffix = QStringLiteral(" (%1)").arg(n);
        unique = name.left(31 - suffix.size()) + suffix;
    }
    return unique;
}

Result<QByteArray> XlsxExport::write(
    const QList<ReportTable> &tables, QStringView language, const QString &title, const QString &author)
{
    const auto failed = [](const QString &why) {
        return Error {QStringLiteral("export_failed"), tr("The spreadsheet could not be written: %1").arg(why), {}};
    };
    QTemporaryDir directory;
    if (!directory.isValid())
        return failed(directory.errorString());
    const QByteArray path = QFile::encodeName(directory.filePath(QStringLiteral("report.xlsx")));
    lxw_workbook *workbook = workbook_new(path.constData());
    if (!workbook)
        return failed(tr("libxlsxwriter could not create the workbook"));
    QByteArray titleUtf8 = title.toUtf8();
    QByteArray authorUtf8 = author.toUtf8();
    QByteArray creator = QByteArrayLiteral("CaseDesk");
    lxw_doc_properties properties {};
    properties.title = titleUtf8.data();
    properties.author = authorUtf8.data();
    properties.company = creator.data();
    workbook_set_properties(workbook, &properties);

    Formats formats(workbook);
    QStringList names;
    for (const ReportTable &table : tables) {
        const QString name = sheetName(table.title.text(language), names);
        names.append(name);
        lxw_worksheet *sheet = workbook_add_worksheet(workbook, name.toUtf8().constData());
        if (!sheet) {
            workbook_close(workbook);
            return failed(tr("sheet “%1” was refused").arg(name));
        }
        worksheet_write_string(sheet, 0, 0, table.title.text(language).toUtf8().constData(), formats.title());
        QList<double> widths;
        for (qsizetype c = 0; c < table.columns.size(); ++c) {
            const QString header = table.columns.at(c).title.text(language);
            worksheet_write_string(sheet, 1, lxw_col_t(c), header.toUtf8().constData(), formats.header());
            widths.append(std::max(table.columns.at(c).numeric ? 11.0 : 10.0, displayWidth(header) + 2));
        }
        // The title and the header row stay in view while scrolling.
        worksheet_freeze_panes(sheet, 2, 0);
        lxw_row_t r = 2;
        for (const ReportTable::Row &row : table.rows) {
            for (qsizetype c = 0; c < row.cells.size() && c < table.columns.size(); ++c) {
                const ReportTable::Cell &cell = row.cells.at(c);
                lxw_format *format = formats.get(cell.type, row.emphasis, c == 0 ? row.depth : 0);
                const lxw_col_t col = lxw_col_t(c);
                if (!cell.value.isValid() || cell.value.isNull()) {
                    worksheet_write_blank(sheet, r, col, format);
                    continue;
                }
                switch (cell.type) {
                case Type::Text: {
                    const QString text = cell.value.toString();
                    if (text.isEmpty())
                        worksheet_write_blank(sheet, r, col, format);
                    else
                        worksheet_write_string(sheet, r, col, text.toUtf8().constData(), format);
                    widths[c] = std::max(widths.at(c), std::min(60.0, displayWidth(text) + 2 + row.depth * 2));
                    break;
                }
                case Type::Date: {
                    lxw_datetime date = excelTime(cell.value.toDate().startOfDay());
                    worksheet_write_datetime(sheet, r, col, &date, format);
                    widths[c] = std::max(widths.at(c), 12.0);
                    break;
                }
                case Type::DateTime: {
                    // Wall-clock time of the report's branch: Excel dates carry no time zone.
                    lxw_datetime at = excelTime(cell.value.toDateTime());
                    worksheet_write_datetime(sheet, r, col, &at, format);
                    widths[c] = std::max(widths.at(c), 17.0);
                    break;
                }
                default:
                    worksheet_write_number(sheet, r, col, cell.value.toDouble(), format);
                    break;
                }
            }
            ++r;
        }
        if (table.rows.isEmpty() && !table.emptyText.text(language).isEmpty())
            worksheet_write_string(sheet, 2, 0, table.emptyText.text(language).toUtf8().constData(), nullptr);
        for (qsizetype c = 0; c < widths.size(); ++c)
            worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), widths.at(c), nullptr);
    }
    const lxw_error closed = workbook_close(workbook);
    if (closed != LXW_NO_ERROR)
        return failed(QString::fromUtf8(lxw_strerror(closed)));
    QFile file(QFile::decodeName(path));
    if (!file.open(QIODevice::ReadOnly))
        return failed(file.errorString());
    return file.readAll();
}

} // namespace casedesk
