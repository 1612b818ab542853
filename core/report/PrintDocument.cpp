#include "report/PrintDocument.h"

#include "report/PrintContext.h"

#include <QBuffer>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

namespace casedesk {

namespace {

const QColor ink(0x20, 0x24, 0x28);
const QColor accent(0x1f, 0x4e, 0x86);
const QColor muted(0x6f, 0x77, 0x80);
const QColor rule(0x9a, 0xa5, 0xb1);
const QColor headerFill(0xe6, 0xec, 0xf3);
const QColor totalFill(0xf2, 0xf4, 0xf6);
const QColor warningFill(0xfd, 0xec, 0xea);
const QColor warningInk(0xa3, 0x1f, 0x26);
const QColor noticeFill(0xfff4e0);
const QColor noticeRule(0xd9, 0x8a, 0x1e);

} // namespace

// One unit of the document. measure() splits it into pieces that cannot break across pages (a table's
// rows; everything else is one piece) plus a header repeated on each page the block continues on.
// Blocks are immutable; layout results live in Measure, so a document can be printed any number of times.
class PrintBlock
{
public:
    struct Measure
    {
        double header = 0;
        QList<double> pieces;
        double before = 0;
        double after = 0;
        bool keepWithNext = false;
        bool pageBreakBefore = false;
        bool fullPage = false;
    };

    virtual ~PrintBlock() = default;
    virtual Measure measure(const PrintContext &context, double width) const = 0;
    virtual void paintHeader(QPainter &, const PrintContext &, const QRectF &, bool /*continued*/) const { }
    virtual void paintPiece(QPainter &painter, const PrintContext &context, int piece, const QRectF &rect) const = 0;
};

namespace {

class TextBlock final : public PrintBlock
{
public:
    TextBlock(QString text, double pointSize, bool bold, int flags, QColor colour, double beforeMm, double afterMm,
        bool keepWithNext, bool underline = false)
        : m_text(std::move(text))
        , m_pointSize(pointSize)
        , m_bold(bold)
        , m_flags(flags)
        , m_colour(colour)
        , m_before(beforeMm)
        , m_after(afterMm)
        , m_keepWithNext(keepWithNext)
        , m_underline(underline)
    { }

    Measure measure(const PrintContext &c, double width) const override
    {
        Measure m;
        m.pieces.append(
            c.textHeight(c.font(m_pointSize, m_bold), m_text, width, m_flags) + (m_underline ? c.mm(1.2) : 0));
        m.before = c.mm(m_before);
        m.after = c.mm(m_after);
        m.keepWithNext = m_keepWithNext;
        return m;
    }

    void paintPiece(QPainter &p, const PrintContext &c, int, const QRectF &rect) const override
    {
        p.setFont(c.font(m_pointSize, m_bold));
        p.setPen(m_colour);
        p.drawText(rect, m_flags | Qt::TextWordWrap, m_text);
        if (m_underline) {
            p.setPen(QPen(accent, c.pt(0.8)));
            p.drawLine(
                QPointF(rect.left(), rect.bottom() - c.mm(0.4)), QPointF(rect.right(), rect.bottom() - c.mm(0.4)));
        }
    }

private:
    QString m_text;
    double m_pointSize;
    bool m_bold;
    int m_flags;
    QColor m_colour;
    double m_before;
    double m_after;
    bool m_keepWithNext;
    bool m_underline;
};

class NoticeBlock final : public PrintBlock
{
public:
    explicit NoticeBlock(QString text)
        : m_text(std::move(text))
    { }

    Measure measure(const PrintContext &c, double width) const override
    {
        Measure m;
        m.pieces.append(c.textHeight(c.font(9), m_text, width - c.mm(6)) + c.mm(4));
        m.before = c.mm(2);
        m.after = c.mm(3);
        return m;
    }

    void paintPiece(QPainter &p, const PrintContext &c, int, const QRectF &rect) const override
    {
        p.setPen(Qt::NoPen);
        p.setBrush(noticeFill);
        p.drawRect(rect);
        p.setBrush(noticeRule);
        p.drawRect(QRectF(rect.left(), rect.top(), c.mm(1), rect.height()));
        p.setFont(c.font(9));
        p.setPen(ink);
        p.drawText(rect.adjusted(c.mm(4), c.mm(2), -c.mm(2), -c.mm(2)), Qt::TextWordWrap, m_text);
    }

private:
    QString m_text;
};

class SpaceBlock final : public PrintBlock
{
public:
    SpaceBlock(double millimetres, bool pageBreak)
        : m_millimetres(millimetres)
        , m_pageBreak(pageBreak)
    { }

    Measure measure(const PrintContext &c, double) const override
    {
        Measure m;
        m.pieces.append(c.mm(m_millimetres));
        m.pageBreakBefore = m_pageBreak;
        return m;
    }
    void paintPiece(QPainter &, const PrintContext &, int, const QRectF &) const override { }

private:
    double m_millimetres;
    bool m_pageBreak;
};

class TableBlock final : public PrintBlock
{
public:
    explicit TableBlock(PrintTable table)
        : m_table(std::move(table))
    {
        if (m_table.rows.isEmpty() && !m_table.emptyText.isEmpty()) {
            PrintTable::Row row;
            row.cells.append(m_table.emptyText);
            row.style = PrintTable::RowStyle::Muted;
            m_table.rows.append(row);
            m_spanFirstRow = true;
        }
    }

    Measure measure(const PrintContext &c, double width) const override
    {
        Measure m;
        const QList<double> widths = columnWidths(width);
        if (!m_table.caption.isEmpty())
            m.header += captionHeight(c, width);
        if (m_table.showHeader) {
            double header = 0;
            for (qsizetype i = 0; i < m_table.columns.size(); ++i)
                header = std::max(header, cellHeight(c, headerFont(c), m_table.columns.at(i).title, widths.at(i), 0));
            m.header += header;
        }
        for (const PrintTable::Row &row : m_table.rows)
            m.pieces.append(rowHeight(c, row, widths, width));
        m.before = c.mm(2);
        m.after = c.mm(4);
        return m;
    }

    void paintHeader(QPainter &p, const PrintContext &c, const QRectF &rect, bool continued) const override
    {
        double y = rect.top();
        if (!m_table.caption.isEmpty()) {
            const double h = captionHeight(c, rect.width());
            p.setFont(c.font(9, true));
            p.setPen(ink);
            p.drawText(QRectF(rect.left(), y, rect.width(), h), Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap,
                continued ? m_table.caption + m_table.continued : m_table.caption);
            y += h;
        }
        if (!m_table.showHeader)
            return;
        const QList<double> widths = columnWidths(rect.width());
        const QRectF header(rect.left(), y, rect.width(), rect.bottom() - y);
        p.setPen(Qt::NoPen);
        p.setBrush(headerFill);
        p.drawRect(header);
        p.setFont(headerFont(c));
        double x = rect.left();
        for (qsizetype i = 0; i < m_table.columns.size(); ++i) {
            const QRectF cell(x, y, widths.at(i), header.height());
            p.setPen(ink);
            p.drawText(cell.adjusted(padX(c), padY(c), -padX(c), -padY(c)),
                int(Qt::AlignVCenter | horizontal(m_table.columns.at(i).alignment)) | Qt::TextWordWrap,
                m_table.columns.at(i).title);
            x += widths.at(i);
        }
        drawGrid(p, c, header, widths);
    }

    void paintPiece(QPainter &p, const PrintContext &c, int piece, const QRectF &rect) const override
    {
        const PrintTable::Row &row = m_table.rows.at(piece);
        const QList<double> widths = columnWidths(rect.width());
        const bool total = row.style == PrintTable::RowStyle::Total;
        if (total || row.style == PrintTable::RowStyle::Warning) {
            p.setPen(Qt::NoPen);
            p.setBrush(total ? totalFill : warningFill);
            p.drawRect(rect);
        }
        const QFont font = c.font(8, total);
        const QFont label = c.font(8, true);
        p.setPen(row.style == PrintTable::RowStyle::Warning ? warningInk
                : row.style == PrintTable::RowStyle::Muted  ? muted
                                                            : ink);
        if (m_spanFirstRow && piece == 0) {
            p.setFont(font);
            p.drawText(rect.adjusted(padX(c), padY(c), -padX(c), -padY(c)), Qt::AlignCenter | Qt::TextWordWrap,
                row.cells.value(0));
            drawGrid(p, c, rect, {rect.width()});
            return;
        }
        double x = rect.left();
        for (qsizetype i = 0; i < m_table.columns.size(); ++i) {
            const double indent = i == 0 ? c.mm(3.5) * row.indent : 0;
            const QRectF cell(x + indent, rect.top(), widths.at(i) - indent, rect.height());
            p.setFont(i == 0 && m_table.labelColumn ? label : font);
            p.drawText(cell.adjusted(padX(c), padY(c), -padX(c), -padY(c)),
                int(Qt::AlignVCenter | horizontal(m_table.columns.at(i).alignment)) | Qt::TextWordWrap,
                row.cells.value(i));
            x += widths.at(i);
        }
        drawGrid(p, c, rect, widths);
    }

private:
    static Qt::Alignment horizontal(Qt::Alignment alignment) { return alignment & Qt::AlignHorizontal_Mask; }
    static double padX(const PrintContext &c) { return c.mm(1.2); }
    static double padY(const PrintContext &c) { return c.mm(0.9); }
    static QFont headerFont(const PrintContext &c) { return c.font(8, true); }

    double captionHeight(const PrintContext &c, double width) const
    {
        return c.textHeight(c.font(9, true), m_table.caption + m_table.continued, width) + c.mm(1.5);
    }

    QList<double> columnWidths(double width) const
    {
        double sum = 0;
        for (const PrintTable::Column &column : m_table.columns)
            sum += column.weight;
        QList<double> widths;
        for (const PrintTable::Column &column : m_table.columns)
            widths.append(sum > 0 ? width * column.weight / sum : 0);
        return widths;
    }

    double cellHeight(const PrintContext &c, const QFont &font, const QString &text, double width, double indent) const
    {
        return c.textHeight(font, text, std::max(1.0, width - indent - 2 * padX(c))) + 2 * padY(c);
    }

    double rowHeight(const PrintContext &c, const PrintTable::Row &row, const QList<double> &widths, double width) const
    {
        const QFont font = c.font(8, row.style == PrintTable::RowStyle::Total);
        if (m_spanFirstRow && &row == &m_table.rows.first())
            return cellHeight(c, font, row.cells.value(0), width, 0);
        double height = 0;
        for (qsizetype i = 0; i < m_table.columns.size(); ++i) {
            const QFont cellFont = i == 0 && m_table.labelColumn ? c.font(8, true) : font;
            height = std::max(
                height, cellHeight(c, cellFont, row.cells.value(i), widths.at(i), i == 0 ? c.mm(3.5) * row.indent : 0));
        }
        return height;
    }

    static void drawGrid(QPainter &p, const PrintContext &c, const QRectF &rect, const QList<double> &widths)
    {
        p.setPen(QPen(rule, c.pt(0.5)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect);
        double x = rect.left();
        for (qsizetype i = 0; i + 1 < widths.size(); ++i) {
            x += widths.at(i);
            p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()));
        }
    }

    PrintTable m_table;
    bool m_spanFirstRow = false;
};

class ChartBlock final : public PrintBlock
{
public:
    ChartBlock(QList<ReportChart> charts, double heightMm)
        : m_charts(std::move(charts))
        , m_height(heightMm)
    { }

    Measure measure(const PrintContext &c, double) const override
    {
        Measure m;
        m.pieces.append(c.mm(m_height));
        m.before = c.mm(2);
        m.after = c.mm(4);
        return m;
    }

    void paintPiece(QPainter &p, const PrintContext &c, int, const QRectF &rect) const override
    {
        const double gap = c.mm(8);
        const double width = (rect.width() - gap * double(m_charts.size() - 1)) / double(m_charts.size());
        for (qsizetype i = 0; i < m_charts.size(); ++i)
            m_charts.at(i).paint(
                p, QRectF(rect.left() + double(i) * (width + gap), rect.top(), width, rect.height()), c);
    }

private:
    QList<ReportChart> m_charts;
    double m_height;
};

class SignatureBlock final : public PrintBlock
{
public:
    SignatureBlock(QStringList roles, QString signature, QString date)
        : m_roles(std::move(roles))
        , m_signature(std::move(signature))
        , m_date(std::move(date))
    { }

    Measure measure(const PrintContext &c, double) const override
    {
        Measure m;
        m.pieces.append(c.mm(26));
        m.before = c.mm(6);
        m.after = c.mm(2);
        return m;
    }

    void paintPiece(QPainter &p, const PrintContext &c, int, const QRectF &rect) const override
    {
        const double gap = c.mm(8);
        const double width = (rect.width() - gap * double(m_roles.size() - 1)) / double(m_roles.size());
        const QFont bold = c.font(9.5, true);
        const QFont plain = c.font(8.5);
        for (qsizetype i = 0; i < m_roles.size(); ++i) {
            const double x = rect.left() + double(i) * (width + gap);
            p.setPen(ink);
            p.setFont(bold);
            p.drawText(QRectF(x, rect.top(), width, c.mm(6)), Qt::AlignLeft | Qt::AlignVCenter, m_roles.at(i));
            p.setFont(plain);
            const double labelWidth
                = std::max(c.metrics(plain).horizontalAdvance(m_signature), c.metrics(plain).horizontalAdvance(m_date))
                + c.mm(2);
            for (int line = 0; line < 2; ++line) {
                const double y = rect.top() + c.mm(line == 0 ? 15 : 23);
                p.setPen(ink);
                p.drawText(QRectF(x, y - c.mm(5), labelWidth, c.mm(5)), Qt::AlignLeft | Qt::AlignBottom,
                    line == 0 ? m_signature : m_date);
                p.setPen(QPen(ink, c.pt(0.6)));
                p.drawLine(QPointF(x + labelWidth, y), QPointF(x + width, y));
            }
        }
    }

private:
    QStringList m_roles;
    QString m_signature;
    QString m_date;
};

class CoverBlock final : public PrintBlock
{
public:
    explicit CoverBlock(PrintDocument::Cover cover)
        : m_cover(std::move(cover))
    { }

    Measure measure(const PrintContext &, double) const override
    {
        Measure m;
        m.pieces.append(0);
        m.fullPage = true;
        return m;
    }

    void paintPiece(QPainter &p, const PrintContext &c, int, const QRectF &page) const override
    {
        double y = page.top() + page.height() * 0.16;
        const auto centred = [&](const QString &text, const QFont &font, QColor colour, double spaceAfter) {
            const double h = c.textHeight(font, text, page.width(), Qt::AlignHCenter);
            p.setFont(font);
            p.setPen(colour);
            p.drawText(QRectF(page.left(), y, page.width(), h), Qt::AlignHCenter | Qt::TextWordWrap, text);
            y += h + spaceAfter;
        };
        centred(m_cover.organisation, c.font(16, true), ink, c.mm(14));
        centred(m_cover.title, c.font(24, true), accent, c.mm(5));
        p.setPen(QPen(accent, c.pt(1.5)));
        p.drawLine(QPointF(page.center().x() - c.mm(40), y), QPointF(page.center().x() + c.mm(40), y));
        y += c.mm(6);
        centred(m_cover.subtitle, c.font(15), ink, c.mm(10));

        y = std::max(y, page.top() + page.height() * 0.5);
        const QFont label = c.font(11, true);
        const QFont value = c.font(11);
        double labelWidth = 0;
        for (const auto &[name, text] : m_cover.facts)
            labelWidth = std::max(labelWidth, c.metrics(label).horizontalAdvance(name));
        const double left = page.left() + page.width() * 0.22;
        const double valueWidth = page.right() - page.width() * 0.18 - left - labelWidth - c.mm(4);
        for (const auto &[name, text] : m_cover.facts) {
            const double h = std::max(c.textHeight(value, text, valueWidth), c.metrics(label).height()) + c.mm(3.5);
            p.setPen(muted);
            p.setFont(label);
            p.drawText(QRectF(left, y, labelWidth, h), Qt::AlignLeft | Qt::AlignTop, name);
            p.setPen(ink);
            p.setFont(value);
            p.drawText(QRectF(left + labelWidth + c.mm(4), y, valueWidth, h),
                Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
            p.setPen(QPen(rule, c.pt(0.4)));
            p.drawLine(QPointF(left + labelWidth + c.mm(4), y + h - c.mm(2)),
                QPointF(left + labelWidth + c.mm(4) + valueWidth, y + h - c.mm(2)));
            y += h;
        }
        if (!m_cover.note.isEmpty()) {
            const QFont note = c.font(10, true);
            const double h = c.textHeight(note, m_cover.note, page.width());
            p.setFont(note);
            p.setPen(muted);
            p.drawText(QRectF(page.left(), page.bottom() - h - c.mm(10), page.width(), h),
                Qt::AlignHCenter | Qt::TextWordWrap, m_cover.note);
        }
    }

private:
    PrintDocument::Cover m_cover;
};

// Where a piece (or a block's repeated header, piece -1) sits on a page.
struct Placement
{
    qsizetype block = 0;
    int piece = 0;
    bool continued = false;
    double y = 0;
    double height = 0;
};

} // namespace

PrintDocument::PrintDocument()
    : m_layout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(16, 18, 16, 16), QPageLayout::Millimeter)
{ }

void PrintDocument::add(std::shared_ptr<const PrintBlock> block)
{
    m_blocks.append(std::move(block));
}

void PrintDocument::addCover(const Cover &cover)
{
    add(std::make_shared<CoverBlock>(cover));
    m_hasCover = m_blocks.size() == 1;
}

void PrintDocument::addHeading(const QString &text, int level)
{
    if (level <= 1)
        add(std::make_shared<TextBlock>(text, 13, true, Qt::AlignLeft, accent, 6, 3, true, true));
    else
        add(std::make_shared<TextBlock>(text, 10.5, true, Qt::AlignLeft, ink, 4, 1.5, true));
}

void PrintDocument::addText(const QString &text, TextStyle style)
{
    switch (style) {
    case TextStyle::Title:
        add(std::make_shared<TextBlock>(text, 17, true, Qt::AlignHCenter, ink, 2, 5, true));
        break;
    case TextStyle::Body:
        add(std::make_shared<TextBlock>(text, 9.5, false, Qt::AlignLeft, ink, 0.5, 2, false));
        break;
    case TextStyle::Note:
        add(std::make_shared<TextBlock>(text, 7.5, false, Qt::AlignLeft, muted, 0.5, 1.5, false));
        break;
    case TextStyle::Centered:
        add(std::make_shared<TextBlock>(text, 9.5, false, Qt::AlignHCenter, ink, 0.5, 2, false));
        break;
    case TextStyle::Quote:
        add(std::make_shared<TextBlock>(text, 9.5, false, Qt::AlignLeft, QColor(0x3a, 0x40, 0x48), 0.5, 3, false));
        break;
    }
}

void PrintDocument::addNotice(const QString &text)
{
    add(std::make_shared<NoticeBlock>(text));
}

void PrintDocument::addTable(const PrintTable &table)
{
    add(std::make_shared<TableBlock>(table));
}

void PrintDocument::addCharts(const QList<ReportChart> &charts, double heightMm)
{
    if (!charts.isEmpty())
        add(std::make_shared<ChartBlock>(charts, heightMm));
}

void PrintDocument::addSignatures(const QStringList &roles, const QString &signatureLabel, const QString &dateLabel)
{
    add(std::make_shared<SignatureBlock>(roles, signatureLabel, dateLabel));
}

void PrintDocument::addSpace(double millimetres)
{
    add(std::make_shared<SpaceBlock>(millimetres, false));
}

void PrintDocument::addPageBreak()
{
    add(std::make_shared<SpaceBlock>(0, true));
}

Result<int> PrintDocument::print(QPagedPaintDevice &device) const
{
    auto family = PrintContext::cjkFamily();
    if (!family)
        return family.error();
    device.setPageLayout(m_layout);
    QPainter painter;
    if (!painter.begin(&device))
        return Error {
            QStringLiteral("print_failed"), tr("The printer or PDF file could not be opened for drawing."), {}};
    const PrintContext context(device, *family);
    const QRectF area(0, 0, device.width(), device.height());
    const QFont runningFont = context.font(7.5);
    const double runningHeight = context.metrics(runningFont).height();
    const double headerSpace = runningHeight + context.mm(3);
    const double footerSpace = runningHeight + context.mm(3);
    const double width = area.width();
    const double available = area.height() - headerSpace - footerSpace;

    // Layout: every block measured once, then placed piece by piece.
    QList<PrintBlock::Measure> measures;
    for (const auto &block : m_blocks)
        measures.append(block->measure(context, width));
    QList<QList<Placement>> pages {{}};
    double y = 0;
    const auto newPage = [&]() {
        pages.append(QList<Placement>());
        y = 0;
    };
    for (qsizetype b = 0; b < m_blocks.size(); ++b) {
        const PrintBlock::Measure &m = measures.at(b);
        if (m.fullPage) {
            if (!pages.last().isEmpty())
                newPage();
            pages.last().append({b, 0, false, 0, area.height()});
            newPage();
            continue;
        }
        if (m.pageBreakBefore) {
            if (!pages.last().isEmpty())
                newPage();
            continue;
        }
        const double firstPiece = m.pieces.isEmpty() ? 0 : m.pieces.first();
        double before = y > 0 ? m.before : 0;
        double need = before + m.header + firstPiece;
        // A heading stays with the start of what follows it.
        for (qsizetype next = b; next + 1 < m_blocks.size() && measures.at(next).keepWithNext; ++next) {
            const PrintBlock::Measure &n = measures.at(next + 1);
            need += n.before + n.header + (n.pieces.isEmpty() ? 0 : n.pieces.first());
        }
        if (y > 0 && y + need > available) {
            newPage();
            before = 0;
        }
        y += before;
        bool headerDue = m.header > 0;
        for (int piece = 0; piece < m.pieces.size(); ++piece) {
            const double height = m.pieces.at(piece);
            if (y > 0 && y + (headerDue ? m.header : 0) + height > available) {
                newPage();
                headerDue = m.header > 0;
            }
            if (headerDue) {
                pages.last().append({b, -1, piece > 0, y, m.header});
                y += m.header;
                headerDue = false;
            }
            pages.last().append({b, piece, false, y, height});
            y += height;
        }
        y += m.after;
    }
    while (pages.size() > 1 && pages.last().isEmpty())
        pages.removeLast();

    const int first = m_hasCover ? 1 : 0;
    const int numbered = int(pages.size()) - first;
    for (qsizetype index = 0; index < pages.size(); ++index) {
        if (index > 0 && !device.newPage()) {
            painter.end();
            return Error {QStringLiteral("print_failed"), tr("The printer could not start a new page."), {}};
        }
        const bool cover = m_hasCover && index == 0;
        const double top = cover ? 0 : headerSpace;
        for (const Placement &placement : pages.at(index)) {
            const QRectF rect(0, top + placement.y, width, placement.height);
            painter.save();
            if (placement.piece < 0)
                m_blocks.at(placement.block)->paintHeader(painter, context, rect, placement.continued);
            else
                m_blocks.at(placement.block)->paintPiece(painter, context, placement.piece, rect);
            painter.restore();
        }
        if (cover)
            continue;
        painter.setFont(runningFont);
        painter.setPen(muted);
        painter.drawText(
            QRectF(0, 0, width * 0.6, runningHeight), Qt::AlignLeft | Qt::AlignVCenter, m_running.headerLeft);
        painter.drawText(QRectF(width * 0.4, 0, width * 0.6, runningHeight), Qt::AlignRight | Qt::AlignVCenter,
            m_running.headerRight);
        painter.setPen(QPen(rule, context.pt(0.5)));
        painter.drawLine(QPointF(0, runningHeight + context.mm(1)), QPointF(width, runningHeight + context.mm(1)));
        const double footerTop = area.height() - runningHeight;
        painter.drawLine(QPointF(0, footerTop - context.mm(1)), QPointF(width, footerTop - context.mm(1)));
        painter.setPen(muted);
        painter.drawText(
            QRectF(0, footerTop, width * 0.7, runningHeight), Qt::AlignLeft | Qt::AlignVCenter, m_running.footerLeft);
        const QString number = m_running.pageFormat.isEmpty()
            ? QStringLiteral("%1 / %2").arg(index - first + 1).arg(numbered)
            : m_running.pageFormat.arg(index - first + 1).arg(numbered);
        painter.drawText(
            QRectF(width * 0.5, footerTop, width * 0.5, runningHeight), Qt::AlignRight | Qt::AlignVCenter, number);
    }
    painter.end();
    return int(pages.size());
}

Result<QByteArray> PrintDocument::toPdf() const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        // 600 dpi keeps coordinates in whole device units fine enough for hairlines; output is vector anyway.
        writer.setResolution(600);
        writer.setTitle(m_title);
        writer.setCreator(QStringLiteral("CaseDesk"));
        auto printed = print(writer);
        if (!printed)
            return printed.error();
    }
    buffer.close();
    return bytes;
}

} // namespace casedesk
