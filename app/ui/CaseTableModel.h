#pragma once

#include "deadlines/DueState.h"
#include "domain/Branch.h"
#include "domain/Case.h"
#include "storage/CaseQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <functional>

namespace casedesk {

class Workspace;

// The rows of a case queue, read from the local store a page at a time (canFetchMore/fetchMore over
// the store's keyset cursor), so a queue over 100k cached cases opens at once and loads more only as
// the user scrolls. Colours come from the deadline engine's due state (BRIEF §5, §9: the earlier
// clock governs); personal data is masked as in every list (DESIGN §7).
class CaseTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NumberColumn,
        PriorityColumn,
        StatusColumn,
        CategoryColumn,
        ComplainantColumn,
        SummaryColumn,
        ReceivedColumn,
        DueColumn,
        HandlerColumn,
        BranchColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum DataRole { CaseIdRole = Qt::UserRole + 1, OverdueRole, DueSoonRole, PendingRole };
    using RowCheck = std::function<bool(const Case &, const DueState &)>;

    explicit CaseTableModel(Workspace &workspace, QObject *parent = nullptr);

    // Replaces the listing; the first page is read at once.
    void setQuery(const CaseQuery &query, RowCheck keep = {});
    // No listing at all until the next setQuery (a report before a figure is chosen).
    void clear();
    const CaseQuery &query() const { return m_query; }
    // Reads the listing again (after local changes or a pull), keeping as many rows as were loaded.
    void reload();
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    QString caseId(int row) const;
    const Case *caseAt(int row) const;
    int rowOf(const QString &caseId) const;
    // Matching cases in the store; -1 when rows are checked one by one and the total is unknown.
    qint64 totalCount() const { return m_total; }
    QString lastError() const { return m_lastError; }

    // Only orders the store pages by are offered: received (newest first), next deadline (soonest
    // first) and last change (newest first).
    static bool isSortable(int column);
    int sortColumn() const;
    Qt::SortOrder sortOrder() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void totalChanged(qint64 total);
    void loadFailed(const QString &message);

private:
    struct Row
    {
        Case c;
        DueState due;
    };
    // Reads pages from the cursor on until at least `wanted` rows were kept or the listing ends.
    QList<Row> read(int wanted);
    void refreshDirectory();
    QString displayText(const Row &row, int column) const;

    Workspace &m_workspace;
    CaseQuery m_query;
    RowCheck m_keep;
    QList<Row> m_rows;
    QString m_cursor;
    bool m_atEnd = true;
    bool m_hasQuery = false;
    int m_pageSize = 200;
    qint64 m_total = 0;
    QString m_lastError;
    QHash<QString, Branch> m_branches;
    QHash<QString, QString> m_userNames;
    QSet<QString> m_pending;
};

} // namespace casedesk
