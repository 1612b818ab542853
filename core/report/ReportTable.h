#pragma once

#include "domain/LocalizedText.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace casedesk {

// One table of a report with typed cells, the common source of the PDF tables, the XLSX sheets and the
// CSV sections: numbers stay numbers (and rates fractions, as in the JSON) until a format decides how
// to show them.
struct ReportTable
{
    enum class Type {
        Text,
        Count, // whole number
        Rate, // fraction 0..1, shown as a percentage
        Days, // average in days
        Decimal,
        RelativeChange, // fraction, shown as a signed percentage (环比/同比 of counts)
        PointChange, // difference of two rates, shown in percentage points
        DayChange, // difference of two averages in days
        Date,
        DateTime,
    };
    enum class Emphasis { None, Total, Warning };

    struct Cell
    {
        QVariant value; // invalid: no value (a rate over zero); QString, qint64, double, QDate, QDateTime
        Type type = Type::Text;
    };

    struct Column
    {
        LocalizedText title;
        double weight = 1; // width in print, relative
        bool numeric = false; // right-aligned
    };

    struct Row
    {
        QList<Cell> cells;
        int depth = 0; // indentation of the first cell (hierarchical axes, branch tree)
        Emphasis emphasis = Emphasis::None;
    };

    QString id; // stable: "kpis", "trend", "category" …
    LocalizedText title;
    QList<Column> columns;
    QList<Row> rows;
    LocalizedText emptyText; // printed when there are no rows

    // How a cell reads in print: "60.0%", "+125.0%", "-40.0 个百分点", "4.40", "2026-03-05", "—" for none.
    static QString display(const Cell &cell, QStringView language);
    // The plain machine form for CSV: 0.6, 1.25, 2026-03-05, 2026-03-05T10:00:00+08:00; empty for none.
    static QString plain(const Cell &cell);
};

} // namespace casedesk
