#include "ui/CaseQueueView.h"

#include "session/Workspace.h"
#include "ui/CaseLabels.h"
#include "ui/CaseTableModel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace casedesk {

namespace {
// Long enough to type a word, short enough to feel live.
constexpr int searchDelayMs = 250;
} // namespace

CaseQueueView::CaseQueueView(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("queueCount"));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("queueSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_searchLabel = new QLabel(this);
    m_searchLabel->setBuddy(m_search);
    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("queueCategory"));
    m_categoryLabel = new QLabel(this);
    m_categoryLabel->setBuddy(m_category);
    m_priority = new QComboBox(this);
    m_priority->setObjectName(QStringLiteral("queuePriority"));
    m_priorityLabel = new QLabel(this);
    m_priorityLabel->setBuddy(m_priority);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("queueStatus"));
    m_statusLabel = new QLabel(this);
    m_statusLabel->setBuddy(m_status);

    m_model = new CaseTableModel(workspace, this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSectionsClickable(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setMinimumSectionSize(60);
    // Widths from what the columns hold, not from the rows (measuring 100k rows would read them all).
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto width = [&metrics](const QString &sample) { return metrics.horizontalAdvance(sample) + 28; };
    const QString time = QStringLiteral("2026-11-24 10:20");
    const QList<std::pair<int, int>> widths = {
        {CaseTableModel::NumberColumn, width(QStringLiteral("SH01-20261124-A0001"))},
        {CaseTableModel::PriorityColumn, width(QStringLiteral("Normal"))},
        {CaseTableModel::StatusColumn, width(QStringLiteral("In progress"))},
        {CaseTableModel::CategoryColumn, width(QStringLiteral("Internal management"))},
        {CaseTableModel::ComplainantColumn, width(QStringLiteral("Anonymous"))},
        {CaseTableModel::SummaryColumn, width(QStringLiteral("转账被收取25元手续费，柜员此前告知免费"))},
        {CaseTableModel::ReceivedColumn, width(time)},
        {CaseTableModel::DueColumn, width(QStringLiteral("2026-11-24 Tue (first contact)"))},
        {CaseTableModel::HandlerColumn, width(QStringLiteral("Service quality unit"))},
        {CaseTableModel::BranchColumn, width(QStringLiteral("上海分行营业部"))},
        {CaseTableModel::UpdatedColumn, width(time)},
    };
    for (const auto &[column, pixels] : widths)
        m_table->setColumnWidth(column, pixels);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(searchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &CaseQueueView::applyFilters);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        applyFilters();
        m_table->setFocus();
        if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_model->index(0, 0));
    });
    for (QComboBox *box : {m_category, m_priority, m_status})
        connect(box, &QComboBox::activated, this, &CaseQueueView::applyFilters);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString id = m_model->caseId(index.row());
        if (!id.isEmpty())
            emit openCase(id);
    });
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        if (CaseTableModel::isSortable(column)) {
            m_model->sort(column);
            m_order = m_model->query().order;
        }
        syncSortIndicator();
    });
    connect(m_model, &CaseTableModel::totalChanged, this, &CaseQueueView::updateCount);
    connect(m_model, &CaseTableModel::rowsInserted, this, &CaseQueueView::updateCount);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_count);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_searchLabel);
    filters->addWidget(m_search, 3);
    filters->addSpacing(8);
    filters->addWidget(m_categoryLabel);
    filters->addWidget(m_category, 1);
    filters->addWidget(m_priorityLabel);
    filters->addWidget(m_priority, 1);
    filters->addWidget(m_statusLabel);
    filters->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    setTabOrder(m_search, m_category);
    setTabOrder(m_category, m_priority);
    setTabOrder(m_priority, m_status);
    setTabOrder(m_status, m_table);
    retranslate();
}

QDate CaseQueueView::today() const
{
    const auto branch = m_workspace.store().findBranch(m_workspace.user().branchId);
    const Branch b = branch && branch->has_value() ? **branch : Branch();
    return m_workspace.rules().deadlines().localDate(m_workspace.clock().now(), b);
}

void CaseQueueView::showQueue(CaseQueue::Kind kind)
{
    m_queue = kind;
    m_order.reset();
    // Another queue starts unfiltered: a search left over from the last one would hide cases.
    {
        const QSignalBlocker blocker(m_search);
        m_search->clear();
    }
    m_category->setCurrentIndex(0);
    m_priority->setCurrentIndex(0);
    m_status->setCurrentIndex(0);
    rebuildFilters();
    m_title->setText(CaseQueue::title(kind));
    m_title->setToolTip(CaseQueue::description(kind));
    applyFilters();
}

void CaseQueueView::rebuildFilters()
{
    const CaseLabels labels(m_workspace.rules());
    const QString category = m_category->currentData().toString();
    const QVariant priority = m_priority->currentData();
    const QVariant status = m_status->currentData();
    m_category->clear();
    m_category->addItem(tr("All categories"));
    for (const Category &c : m_workspace.rules().taxonomy().categories())
        m_category->addItem(c.name.text(labels.language()), c.code);
    m_category->setCurrentIndex(qMax(0, m_category->findData(category)));

    m_priority->clear();
    m_priority->addItem(tr("All priorities"));
    for (Priority p : {Priority::Urgent, Priority::High, Priority::Normal})
        m_priority->addItem(CaseLabels::priority(p), toCode(p));
    m_priority->setCurrentIndex(qMax(0, m_priority->findData(priority)));

    m_status->clear();
    m_status->addItem(tr("All statuses"));
    const CaseQuery base = CaseQueue::query(m_queue, m_workspace.access(), m_workspace.rules(), today());
    for (const auto &entry : CodeTable<CaseStatus>::entries) {
        if (base.statuses.isEmpty() || base.statuses.contains(entry.value))
            m_status->addItem(labels.status(entry.value), toCode(entry.value));
    }
    m_status->setCurrentIndex(qMax(0, m_status->findData(status)));
}

void CaseQueueView::applyFilters()
{
    CaseQuery q = CaseQueue::query(m_queue, m_workspace.access(), m_workspace.rules(), today());
    q.text = m_search->text().simplified();
    q.category = m_category->currentData().toString();
    if (const auto p = fromCode<Priority>(m_priority->currentData().toString()))
        q.priority = *p;
    if (const auto s = fromCode<CaseStatus>(m_status->currentData().toString()))
        q.statuses = {*s};
    if (m_order)
        q.order = *m_order;
    CaseTableModel::RowCheck keep;
    if (CaseQueue::needsRowCheck(m_queue)) {
        const CaseQueue::Kind kind = m_queue;
        keep = [kind](const Case &, const DueState &due) { return CaseQueue::keeps(kind, due); };
    }
    m_model->setQuery(q, keep);
    syncSortIndicator();
    updateCount();
}

void CaseQueueView::reload()
{
    const QString current = currentCaseId();
    const int column = qMax(0, m_table->currentIndex().column());
    // The date may have moved on since the queue was opened (a counter PC left on overnight).
    CaseQuery q = m_model->query();
    const CaseQuery fresh = CaseQueue::query(m_queue, m_workspace.access(), m_workspace.rules(), today());
    q.today = fresh.today;
    q.attentionOnOrBefore = fresh.attentionOnOrBefore;
    if (q.today != m_model->query().today || q.attentionOnOrBefore != m_model->query().attentionOnOrBefore) {
        applyFilters();
    } else {
        m_model->reload();
    }
    const int row = m_model->rowOf(current);
    if (row >= 0)
        m_table->setCurrentIndex(m_model->index(row, column));
}

void CaseQueueView::syncSortIndicator()
{
    QHeaderView *header = m_table->horizontalHeader();
    const QSignalBlocker blocker(header);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
}

void CaseQueueView::updateCount()
{
    const qint64 total = m_model->totalCount();
    const int shown = m_model->rowCount();
    if (total < 0)
        m_count->setText(
            m_model->canFetchMore({}) ? tr("%1 shown, more below").arg(shown) : tr("%n case(s)", nullptr, shown));
    else if (shown < total)
        m_count->setText(tr("%1 of %2 shown").arg(shown).arg(total));
    else
        m_count->setText(tr("%n case(s)", nullptr, int(total)));
    emit countChanged(total);
}

void CaseQueueView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void CaseQueueView::setSearchText(const QString &text)
{
    m_search->setText(text);
    m_searchDelay->stop();
    applyFilters();
}

void CaseQueueView::setCategoryFilter(const QString &category)
{
    m_category->setCurrentIndex(qMax(0, m_category->findData(category)));
    applyFilters();
}

void CaseQueueView::setPriorityFilter(std::optional<Priority> priority)
{
    m_priority->setCurrentIndex(priority ? qMax(0, m_priority->findData(toCode(*priority))) : 0);
    applyFilters();
}

void CaseQueueView::setStatusFilter(std::optional<CaseStatus> status)
{
    m_status->setCurrentIndex(status ? qMax(0, m_status->findData(toCode(*status))) : 0);
    applyFilters();
}

QString CaseQueueView::currentCaseId() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() ? m_model->caseId(index.row()) : QString();
}

bool CaseQueueView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
            m_searchDelay->stop();
            m_table->setFocus(Qt::TabFocusReason);
            if (!m_table->currentIndex().isValid())
                m_table->setCurrentIndex(m_model->index(0, 0));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CaseQueueView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        rebuildFilters();
        m_title->setText(CaseQueue::title(m_queue));
        m_title->setToolTip(CaseQueue::description(m_queue));
        m_model->reload();
    }
    QWidget::changeEvent(event);
}

void CaseQueueView::retranslate()
{
    m_searchLabel->setText(tr("&Search:"));
    m_search->setPlaceholderText(tr("Case number, name, summary, reference…"));
    m_categoryLabel->setText(tr("Ca&tegory:"));
    m_priorityLabel->setText(tr("&Priority:"));
    m_statusLabel->setText(tr("Stat&us:"));
    updateCount();
}

} // namespace casedesk
