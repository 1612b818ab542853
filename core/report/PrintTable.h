#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace casedesk {

// A table as PrintDocument prints it: text cells under column headers. Rows split across pages and
// the caption and header row are repeated at the top of every continuation page.
struct PrintTable
{
    enum class RowStyle { Normal, Total, Warning, Muted };

    struct Column
    {
        QString title;
        double weight = 1; // share of the width, relative to the other columns
        Qt::Alignment alignment = Qt::AlignLeft;
    };

    struct Row
    {
        QStringList cells;
        RowStyle style = RowStyle::Normal;
        int indent = 0; // levels of indentation of the first cell (hierarchical axes)
    };

    QString caption;
    QString continued; // appended to the caption on continuation pages, e.g. "（续）"
    QList<Column> columns;
    QList<Row> rows;
    bool showHeader = true;
    bool labelColumn = false; // first column printed as a label (key–value tables)
    QString emptyText; // printed as the only row when there are none
};

} // namespace casedesk
