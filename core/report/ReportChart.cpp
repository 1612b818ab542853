#include "report/ReportChart.h"

#include "report/PrintContext.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace casedesk {

namespace {

const QColor gridColour(0xd0, 0xd4, 0xd9);
const QColor axisColour(0x60, 0x66, 0x6d);
const QColor textColour(0x20, 0x24, 0x28);

// A round upper bound for a value axis and its step: 1, 2 or 5 times a power of ten, about five steps.
std::pair<double, double> niceScale(double maximum)
{
    if (maximum <= 0)
        return {5, 1};
    const double rough = maximum / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude;
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * magnitude;
        if (step >= rough)
            break;
    }
    step = std::max(step, 1.0); // counts: whole steps
    return {std::ceil(maximum / step) * step, step};
}

} // namespace

ReportChart::ReportChart(Kind kind, QString title, QStringList labels, QList<Series> series, Format format)
    : m_kind(kind)
    , m_title(std::move(title))
    , m_labels(std::move(labels))
    , m_series(std::move(series))
    , m_format(format)
{ }

ReportChart ReportChart::line(QString title, QStringList labels, QList<Series> series, Format format)
{
    return ReportChart(Kind::Line, std::move(title), std::move(labels), std::move(series), format);
}

ReportChart ReportChart::bars(QString title, QStringList labels, QList<double> values, Format format)
{
    Series series;
    series.color = palette().first();
    for (double value : values)
        series.values.append(value);
    return ReportChart(Kind::Bars, std::move(title), std::move(labels), {series}, format);
}

ReportChart ReportChart::pie(QString title, QStringList labels, QList<double> values)
{
    Series series;
    for (double value : values)
        series.values.append(value);
    return ReportChart(Kind::Pie, std::move(title), std::move(labels), {series}, Format::Count);
}

QList<QColor> ReportChart::palette()
{
    return {QColor(0x1f, 0x5f, 0xa8), QColor(0xd9, 0x6c, 0x1e), QColor(0x2e, 0x8b, 0x57), QColor(0xb8, 0x33, 0x3a),
        QColor(0x7b, 0x5a, 0xa6), QColor(0x8c, 0x6d, 0x31), QColor(0x3c, 0x9d, 0xb5), QColor(0xc9, 0x5f, 0x9d),
        QColor(0x6f, 0x7d, 0x8a), QColor(0xa5, 0xa0, 0x28)};
}

bool ReportChart::isEmpty() const
{
    for (const Series &series : m_series) {
        for (const auto &value : series.values) {
            if (value && *value != 0)
                return false;
        }
    }
    return true;
}

QString ReportChart::format(double value) const
{
    if (m_format == Format::Percent)
        return QString::number(value * 100, 'f', value * 100 == std::round(value * 100) ? 0 : 1) + QLatin1Char('%');
    return QString::number(value, 'f', value == std::round(value) ? 0 : 1);
}

void ReportChart::paint(QPainter &painter, const QRectF &rect, const PrintContext &context) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QRectF area = rect;
    if (!m_title.isEmpty()) {
        const QFont titleFont = context.font(9, true);
        painter.setFont(titleFont);
        painter.setPen(textColour);
        const qreal height = context.metrics(titleFont).height();
        painter.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), height), Qt::AlignLeft | Qt::AlignVCenter, m_title);
        area.setTop(rect.top() + height + context.mm(1.5));
    }
    if (isEmpty() && !m_emptyText.isEmpty()) {
        painter.setFont(context.font(8));
        painter.setPen(axisColour);
        painter.drawRect(area);
        painter.drawText(area, Qt::AlignCenter, m_emptyText);
    } else {
        switch (m_kind) {
        case Kind::Line:
            paintLine(painter, area, context);
            break;
        case Kind::Bars:
            paintBars(painter, area, context);
            break;
        case Kind::Pie:
            paintPie(painter, area, context);
            break;
        }
    }
    painter.restore();
}

void ReportChart::paintLine(QPainter &painter, const QRectF &area, const PrintContext &context) const
{
    const QFont small = context.font(7);
    const QFontMetricsF fm = context.metrics(small);
    painter.setFont(small);

    // Legend on one line above the plot.
    qreal x = area.left();
    const qreal swatch = context.mm(5);
    for (const Series &series : m_series) {
        painter.setPen(QPen(series.color, context.pt(1.6)));
        const qreal y = area.top() + fm.height() / 2;
        painter.drawLine(QPointF(x, y), QPointF(x + swatch, y));
        painter.setPen(textColour);
        painter.drawText(QPointF(x + swatch + context.mm(1), area.top() + fm.ascent()), series.name);
        x += swatch + context.mm(1) + fm.horizontalAdvance(series.name) + context.mm(5);
    }

    double maximum = 0;
    for (const Series &series : m_series) {
        for (const auto &value : series.values) {
            if (value)
                maximum = std::max(maximum, *value);
        }
    }
    double top = 1;
    double step = 0.25;
    if (m_format == Format::Count)
        std::tie(top, step) = niceScale(maximum);
    qreal labelWidth = 0;
    for (double v = 0; v <= top + step / 2; v += step)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(format(v)));
    const QRectF plot(area.left() + labelWidth + context.mm(2), area.top() + fm.height() * 2,
        area.width() - labelWidth - context.mm(4), area.height() - fm.height() * 4);
    const auto yOf = [&](double v) { return plot.bottom() - plot.height() * v / top; };

    for (double v = 0; v <= top + step / 2; v += step) {
        const qreal y = yOf(v);
        painter.setPen(QPen(v == 0 ? axisColour : gridColour, context.pt(v == 0 ? 0.8 : 0.4)));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(textColour);
        painter.drawText(QRectF(area.left(), y - fm.height() / 2, labelWidth, fm.height()),
            Qt::AlignRight | Qt::AlignVCenter, format(v));
    }
    const qsizetype n = m_labels.size();
    if (n == 0)
        return;
    const qreal slot = plot.width() / qreal(n);
    const auto xOf = [&](qsizetype i) { return plot.left() + slot * (qreal(i) + 0.5); };
    painter.setPen(textColour);
    for (qsizetype i = 0; i < n; ++i) {
        painter.drawText(QRectF(xOf(i) - slot / 2, plot.bottom() + context.mm(1), slot, fm.height()),
            Qt::AlignHCenter | Qt::AlignTop, m_labels.at(i));
    }
    // Value labels go above their point, else below; one that would overlap another label, the axis labels
    // or leave the plot is left out (the table under the chart has every figure).
    QList<QRectF> taken;
    const QRectF labelArea = plot.adjusted(-slot / 2, -fm.height(), slot / 2, 0);
    for (qsizetype s = 0; s < m_series.size(); ++s) {
        const Series &series = m_series.at(s);
        QPainterPath path;
        bool drawing = false;
        for (qsizetype i = 0; i < series.values.size() && i < n; ++i) {
            const auto &value = series.values.at(i);
            if (!value) {
                drawing = false;
                continue;
            }
            const QPointF point(xOf(i), yOf(*value));
            if (drawing)
                path.lineTo(point);
            else
                path.moveTo(point);
            drawing = true;
        }
        painter.setPen(QPen(series.color, context.pt(1.6), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        painter.setBrush(series.color);
        const qreal radius = context.pt(1.8);
        for (qsizetype i = 0; i < series.values.size() && i < n; ++i) {
            const auto &value = series.values.at(i);
            if (!value)
                continue;
            const QPointF point(xOf(i), yOf(*value));
            painter.setPen(Qt::NoPen);
            painter.drawEllipse(point, radius, radius);
            const QString label = format(*value);
            const qreal labelWidth = fm.horizontalAdvance(label) + context.pt(2);
            for (const qreal dy : {-fm.height() - radius, radius}) {
                const QRectF box(point.x() - labelWidth / 2, point.y() + dy, labelWidth, fm.height());
                const bool clash
                    = std::any_of(taken.cbegin(), taken.cend(), [&](const QRectF &r) { return r.intersects(box); });
                if (clash || !labelArea.contains(box))
                    continue;
                painter.setPen(series.color.darker(130));
                painter.drawText(box, Qt::AlignCenter, label);
                taken.append(box);
                break;
            }
        }
    }
}

void ReportChart::paintBars(QPainter &painter, const QRectF &area, const PrintContext &context) const
{
    const QFont small = context.font(7.5);
    const QFontMetricsF fm = context.metrics(small);
    painter.setFont(small);
    const Series &series = m_series.first();
    const qsizetype n = m_labels.size();
    if (n == 0)
        return;
    double maximum = 0;
    double total = 0;
    for (const auto &value : series.values) {
        maximum = std::max(maximum, value.value_or(0));
        total += value.value_or(0);
    }
    qreal labelWidth = 0;
    for (const QString &label : m_labels)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(label));
    labelWidth = std::min(labelWidth, area.width() * 0.4);
    const qreal valueWidth = fm.horizontalAdvance(QStringLiteral("0000 (100.0%)"));
    const qreal rowHeight = std::min(area.height() / qreal(n), fm.height() * 1.8);
    const qreal barLeft = area.left() + labelWidth + context.mm(2);
    const qreal barSpace = area.right() - valueWidth - barLeft;
    painter.setPen(QPen(axisColour, context.pt(0.8)));
    painter.drawLine(QPointF(barLeft, area.top()), QPointF(barLeft, area.top() + rowHeight * qreal(n)));
    for (qsizetype i = 0; i < n; ++i) {
        const qreal y = area.top() + rowHeight * qreal(i);
        const double value = series.values.value(i).value_or(0);
        painter.setPen(textColour);
        painter.drawText(QRectF(area.left(), y, labelWidth, rowHeight), Qt::AlignRight | Qt::AlignVCenter,
            fm.elidedText(m_labels.at(i), Qt::ElideRight, labelWidth));
        const qreal width = maximum > 0 ? barSpace * value / maximum : 0;
        painter.setPen(Qt::NoPen);
        painter.setBrush(series.color);
        painter.drawRect(QRectF(barLeft, y + rowHeight * 0.2, width, rowHeight * 0.6));
        painter.setPen(textColour);
        QString text = format(value);
        if (m_format == Format::Count && total > 0)
            text += QStringLiteral(" (%1%)").arg(value / total * 100, 0, 'f', 1);
        painter.drawText(
            QRectF(barLeft + width + context.mm(1), y, valueWidth, rowHeight), Qt::AlignLeft | Qt::AlignVCenter, text);
    }
}

void ReportChart::paintPie(QPainter &painter, const QRectF &area, const PrintContext &context) const
{
    const QFont small = context.font(7.5);
    const QFontMetricsF fm = context.metrics(small);
    painter.setFont(small);
    const Series &series = m_series.first();
    double total = 0;
    for (const auto &value : series.values)
        total += value.value_or(0);
    const qreal diameter = std::min(area.height(), area.width() * 0.38);
    const QRectF circle(area.left() + context.mm(2), area.top() + (area.height() - diameter) / 2, diameter, diameter);
    const QList<QColor> colours = palette();
    // Slices clockwise from 12 o'clock, in label order; Qt angles are 1/16 degree, counter-clockwise.
    int angle = 90 * 16;
    int colour = 0;
    QList<std::pair<qsizetype, QColor>> legend;
    for (qsizetype i = 0; i < series.values.size() && i < m_labels.size(); ++i) {
        const double value = series.values.at(i).value_or(0);
        if (value <= 0)
            continue;
        const QColor c = colours.at(colour++ % colours.size());
        legend.append({i, c});
        const int span = -int(std::lround(value / total * 360 * 16));
        painter.setPen(QPen(Qt::white, context.pt(0.8)));
        painter.setBrush(c);
        painter.drawPie(circle, angle, span);
        angle += span;
    }
    const qreal lineHeight = std::min(fm.height() * 1.5, area.height() / qreal(std::max<qsizetype>(1, legend.size())));
    qreal y = area.top() + (area.height() - lineHeight * qreal(legend.size())) / 2;
    const qreal x = circle.right() + context.mm(6);
    const qreal numbers = fm.horizontalAdvance(QStringLiteral("00000  100.0%"));
    const qreal nameWidth = area.right() - x - context.mm(4) - numbers;
    for (const auto &[i, c] : std::as_const(legend)) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(c);
        painter.drawRect(QRectF(x, y + lineHeight / 2 - context.mm(1.2), context.mm(2.4), context.mm(2.4)));
        painter.setPen(textColour);
        painter.drawText(QRectF(x + context.mm(4), y, nameWidth, lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(m_labels.at(i), Qt::ElideRight, nameWidth));
        const double value = series.values.at(i).value_or(0);
        painter.drawText(QRectF(area.right() - numbers, y, numbers, lineHeight), Qt::AlignRight | Qt::AlignVCenter,
            QStringLiteral("%1  %2%").arg(format(value)).arg(value / total * 100, 0, 'f', 1));
        y += lineHeight;
    }
}

} // namespace casedesk
