#pragma once

#include "ui/CaseQueue.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace casedesk {

class CaseTableModel;
class Workspace;

// One case queue on screen (issue 4 §4): a filter bar (full-text search, category, priority,
// status), the table with due-date colours, and the count. Keyboard first: Ctrl+F reaches the
// search box, Down moves into the table, Enter opens the current case.
class CaseQueueView : public QWidget
{
    Q_OBJECT

public:
    explicit CaseQueueView(Workspace &workspace, QWidget *parent = nullptr);

    void showQueue(CaseQueue::Kind kind);
    CaseQueue::Kind queue() const { return m_queue; }
    void focusSearch();
    // Re-reads the rows (the Workspace changed); keeps the current case selected.
    void reload();

    void setSearchText(const QString &text);
    void setCategoryFilter(const QString &category);
    void setPriorityFilter(std::optional<Priority> priority);
    void setStatusFilter(std::optional<CaseStatus> status);

    QString currentCaseId() const;
    CaseTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }

signals:
    void openCase(const QString &caseId);
    void countChanged(qint64 total);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilters();
    void rebuildFilters();
    void retranslate();
    void updateCount();
    void syncSortIndicator();
    QDate today() const;

    Workspace &m_workspace;
    CaseQueue::Kind m_queue = CaseQueue::Kind::Branch;
    CaseTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_priority = nullptr;
    QComboBox *m_status = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_searchLabel = nullptr;
    QLabel *m_categoryLabel = nullptr;
    QLabel *m_priorityLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QTimer *m_searchDelay = nullptr;
    std::optional<CaseQuery::Order> m_order;
};

} // namespace casedesk
