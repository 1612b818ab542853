#include "ui/CaseTableModel.h"

#include "security/PiiMasker.h"
#include "session/Workspace.h"
#include "ui/CaseLabels.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace casedesk {

namespace {
// Rows checked one by one (due soon) may be sparse in the store: read at most this many pages for
// one fetch, so scrolling never stalls on a long run of rows that are not kept.
constexpr int maxPagesPerFetch = 20;
} // namespace

CaseTableModel::CaseTableModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{ }

void CaseTableModel::setPageSize(int rows)
{
    m_pageSize = qBound(10, rows, 1000);
}

void CaseTableModel::setQuery(const CaseQuery &query, RowCheck keep)
{
    m_query = query;
    m_query.cursor.clear();
    m_keep = std::move(keep);
    m_hasQuery = true;
    beginResetModel();
    m_rows.clear();
    m_cursor.clear();
    m_atEnd = false;
    refreshDirectory();
    m_rows = read(1);
    endResetModel();
    if (m_keep) {
        m_total = -1;
    } else {
        auto count = m_workspace.store().countCases(m_query);
        m_total = count ? count.value() : -1;
    }
    emit totalChanged(m_total);
}

void CaseTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_cursor.clear();
    m_atEnd = true;
    m_hasQuery = false;
    m_total = 0;
    endResetModel();
    emit totalChanged(m_total);
}

void CaseTableModel::reload()
{
    if (!m_hasQuery)
        return;
    const int loaded = int(m_rows.size());
    beginResetModel();
    m_rows.clear();
    m_cursor.clear();
    m_atEnd = false;
    refreshDirectory();
    m_rows = read(qMax(1, loaded));
    endResetModel();
    if (!m_keep) {
        auto count = m_workspace.store().countCases(m_query);
        m_total = count ? count.value() : -1;
    }
    emit totalChanged(m_total);
}

void CaseTableModel::refreshDirectory()
{
    m_branches.clear();
    m_userNames.clear();
    if (auto branches = m_workspace.store().branches()) {
        for (const Branch &b : branches.value())
            m_branches.insert(b.id, b);
    }
    if (auto users = m_workspace.store().users()) {
        for (const User &u : users.value())
            m_userNames.insert(u.id, u.name);
    }
    m_pending.clear();
    if (auto pending = m_workspace.outbox().pendingCaseIds()) {
        for (const QString &id : pending.value())
            m_pending.insert(id);
    }
}

QList<CaseTableModel::Row> CaseTableModel::read(int wanted)
{
    QList<Row> rows;
    const QDateTime now = m_workspace.clock().now();
    const DeadlineCalculator &deadlines = m_workspace.rules().deadlines();
    int kept = 0;
    for (int page = 0; !m_atEnd && kept < wanted && page < maxPagesPerFetch * qMax(1, wanted / m_pageSize + 1);
         ++page) {
        CaseQuery q = m_query;
        q.limit = m_pageSize;
        q.cursor = m_cursor;
        auto result = m_workspace.store().listCases(q);
        if (!result) {
            m_lastError = result.error().message;
            m_atEnd = true;
            emit loadFailed(m_lastError);
            return rows;
        }
        m_cursor = result->nextCursor;
        m_atEnd = m_cursor.isEmpty();
        for (Case &c : result->cases) {
            const Branch branch = m_branches.value(c.branchId);
            const DueState due = deadlines.dueState(c, branch, now);
            if (m_keep && !m_keep(c, due))
                continue;
            rows.append(Row {std::move(c), due});
            ++kept;
        }
    }
    return rows;
}

bool CaseTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void CaseTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    // Rows are read first and inserted after, so the view sees one insertion of known size.
    const int first = int(m_rows.size());
    const QList<Row> added = read(m_pageSize);
    if (added.isEmpty())
        return;
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_rows += added;
    endInsertRows();
}

QString CaseTableModel::caseId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).c.id : QString();
}

const Case *CaseTableModel::caseAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).c : nullptr;
}

int CaseTableModel::rowOf(const QString &caseId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).c.id == caseId)
            return i;
    }
    return -1;
}

int CaseTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CaseTableModel::displayText(const Row &row, int column) const
{
    const Case &c = row.c;
    const CaseLabels labels(m_workspace.rules());
    switch (column) {
    case NumberColumn:
        return c.number;
    case PriorityColumn:
        return CaseLabels::priority(c.priority);
    case StatusColumn:
        return labels.status(c.status);
    case CategoryColumn:
        return labels.category(c.category);
    case ComplainantColumn:
        return c.complainant.anonymous ? tr("Anonymous") : PiiMasker::maskName(c.complainant.name);
    case SummaryColumn:
        return c.summary.simplified();
    case ReceivedColumn:
        return labels.dateTime(c.receivedAt);
    case DueColumn:
        if (!row.due.governingDate.isValid())
            return {};
        return tr("%1 (%2)").arg(labels.date(row.due.governingDate), CaseLabels::dueKind(row.due.governingKind));
    case HandlerColumn:
        return c.assigneeId.isEmpty() ? labels.unit(c.handlingUnit) : m_userNames.value(c.assigneeId, c.assigneeId);
    case BranchColumn:
        return m_branches.value(c.branchId).name;
    case UpdatedColumn:
        return labels.dateTime(c.updatedAt);
    default:
        break;
    }
    return {};
}

QVariant CaseTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == PriorityColumn && !row.c.priorityReasons.isEmpty()) {
            QStringList reasons;
            for (const PriorityReason &reason : row.c.priorityReasons)
                reasons.append(reason.text.text(CaseLabels(m_workspace.rules()).language()));
            return tr("Because: %1").arg(reasons.join(QStringLiteral("; ")));
        }
        if (index.column() == DueColumn && row.due.governingDate.isValid()) {
            if (row.due.overdue)
                return tr("Overdue");
            if (row.due.dueSoon)
                return tr("Due soon: %1% of the time limit used").arg(qRound(row.due.shareUsed * 100));
        }
        if (index.column() == NumberColumn && m_pending.contains(row.c.id))
            return tr("Changes not yet sent to the server");
        if (index.column() == SummaryColumn)
            return row.c.summary;
        return {};
    case Qt::BackgroundRole:
        if (index.column() == DueColumn || index.column() == NumberColumn) {
            if (row.due.overdue)
                return QBrush(QColor(0xf8, 0xd7, 0xda));
            if (row.due.dueSoon)
                return QBrush(QColor(0xff, 0xf3, 0xcd));
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == DueColumn || index.column() == NumberColumn) {
            if (row.due.overdue)
                return QBrush(QColor(0x84, 0x20, 0x29));
            if (row.due.dueSoon)
                return QBrush(QColor(0x66, 0x4d, 0x03));
        }
        if (index.column() == PriorityColumn && row.c.priority == Priority::Urgent)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        return {};
    case Qt::FontRole:
        if (index.column() == PriorityColumn && row.c.priority == Priority::Urgent) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (index.column() == NumberColumn && m_pending.contains(row.c.id)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case CaseIdRole:
        return row.c.id;
    case OverdueRole:
        return row.due.overdue;
    case DueSoonRole:
        return row.due.dueSoon;
    case PendingRole:
        return m_pending.contains(row.c.id);
    default:
        break;
    }
    return {};
}

QVariant CaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Case number");
    case PriorityColumn:
        return tr("Priority");
    case StatusColumn:
        return tr("Status");
    case CategoryColumn:
        return tr("Category");
    case ComplainantColumn:
        return tr("Complainant");
    case SummaryColumn:
        return tr("Summary");
    case ReceivedColumn:
        return tr("Received");
    case DueColumn:
        return tr("Next deadline");
    case HandlerColumn:
        return tr("Handler / unit");
    case BranchColumn:
        return tr("Branch");
    case UpdatedColumn:
        return tr("Last change");
    default:
        break;
    }
    return {};
}

bool CaseTableModel::isSortable(int column)
{
    return column == ReceivedColumn || column == DueColumn || column == UpdatedColumn;
}

int CaseTableModel::sortColumn() const
{
    switch (m_query.order) {
    case CaseQuery::Order::ReceivedNewestFirst:
        return ReceivedColumn;
    case CaseQuery::Order::AttentionSoonestFirst:
        return DueColumn;
    case CaseQuery::Order::UpdatedNewestFirst:
        return UpdatedColumn;
    }
    return ReceivedColumn;
}

Qt::SortOrder CaseTableModel::sortOrder() const
{
    return m_query.order == CaseQuery::Order::AttentionSoonestFirst ? Qt::AscendingOrder : Qt::DescendingOrder;
}

void CaseTableModel::sort(int column, Qt::SortOrder order)
{
    Q_UNUSED(order) // each order has the one direction the store pages in
    CaseQuery::Order wanted = m_query.order;
    if (column == ReceivedColumn)
        wanted = CaseQuery::Order::ReceivedNewestFirst;
    else if (column == DueColumn)
        wanted = CaseQuery::Order::AttentionSoonestFirst;
    else if (column == UpdatedColumn)
        wanted = CaseQuery::Order::UpdatedNewestFirst;
    if (wanted == m_query.order)
        return;
    CaseQuery q = m_query;
    q.order = wanted;
    setQuery(q, m_keep);
}

} // namespace casedesk
