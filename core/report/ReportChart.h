#pragma once

#include <QColor>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

class QPainter;

namespace casedesk {

class PrintContext;

// A simple chart drawn with QPainter as vectors (lines, rectangles, pie slices, text), so it prints
// sharply and stays selectable text in a PDF: a trend line over months, horizontal bars or a pie with
// a legend. Written by hand rather than with Qt Charts, which is GPL-only (DESIGN §2).
class ReportChart
{
public:
    enum class Kind { Line, Bars, Pie };
    enum class Format { Count, Percent };

    struct Series
    {
        QString name;
        QColor color;
        QList<std::optional<double>> values; // one per label; nullopt leaves a gap
    };

    static ReportChart line(QString title, QStringList labels, QList<Series> series, Format format);
    static ReportChart bars(QString title, QStringList labels, QList<double> values, Format format = Format::Count);
    static ReportChart pie(QString title, QStringList labels, QList<double> values);
    // Distinct print-friendly colours, used in order.
    static QList<QColor> palette();

    Kind kind() const { return m_kind; }
    const QString &title() const { return m_title; }
    const QStringList &labels() const { return m_labels; }
    const QList<Series> &series() const { return m_series; }
    // Shown instead of the chart when every value is zero or missing.
    void setEmptyText(const QString &text) { m_emptyText = text; }

    void paint(QPainter &painter, const QRectF &rect, const PrintContext &context) const;

private:
    ReportChart(Kind kind, QString title, QStringList labels, QList<Series> series, Format format);
    void paintLine(QPainter &painter, const QRectF &area, const PrintContext &context) const;
    void paintBars(QPainter &painter, const QRectF &area, const PrintContext &context) const;
    void paintPie(QPainter &painter, const QRectF &area, const PrintContext &context) const;
    bool isEmpty() const;
    QString format(double value) const;

    Kind m_kind;
    QString m_title;
    QStringList m_labels;
    QList<Series> m_series;
    Format m_format;
    QString m_emptyText;
};

} // namespace casedesk
