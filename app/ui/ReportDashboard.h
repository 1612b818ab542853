#pragma once

#include "base/Result.h"
#include "report/MonthlyReport.h"
#include "report/MonthlyReportDocument.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPrintPreviewDialog;
class QPushButton;
class QTableView;
class QTableWidget;

namespace casedesk {

class CaseTableModel;
class Workspace;

// The managers' monthly report in the client (issue 5 §4, §6): month and branch, the KPIs with
// 环比/同比 and the early warnings at a glance, and below them the cases behind the figure or warning
// chosen (double-click or Enter: drill-down). The report is computed from the local store by the same
// MonthlyReportEngine as the server's endpoint; Preview… opens QPrintPreviewDialog on the printed
// report, and it is saved as PDF, XLSX or CSV.
class ReportDashboard : public QWidget
{
    Q_OBJECT

public:
    explicit ReportDashboard(Workspace &workspace, QWidget *parent = nullptr);
    ~ReportDashboard() override;

    // Computes the report of `month` for the branch chosen; the previous month is shown at first.
    void showMonth(const ReportMonth &month);
    ReportMonth month() const;
    void setBranch(const QString &branchId);
    const std::optional<MonthlyReport> &report() const { return m_report; }
    QString errorText() const;

    // Lists the cases behind a KPI (KpiDefinitions code) or the n-th warning; false when there is no list.
    bool drillDownFigure(const QString &code);
    bool drillDownWarning(int index);
    // Writes the report in a format to a file (the Save/Export buttons ask for the path first).
    Status saveAs(MonthlyReportDocument::Format format, const QString &path) const;
    QPrintPreviewDialog *openPreview();

    QTableWidget *kpiTable() const { return m_kpis; }
    QTableWidget *warningTable() const { return m_warnings; }
    CaseTableModel *caseModel() const { return m_caseModel; }
    QTableView *caseTable() const { return m_cases; }

signals:
    void openCase(const QString &caseId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void recompute();
    void retranslate();
    void fillTables();
    void fillBranches();
    void saveWithDialog(MonthlyReportDocument::Format format);
    QString language() const;

    Workspace &m_workspace;
    std::optional<MonthlyReport> m_report;
    QString m_drillTitle;

    QComboBox *m_month = nullptr;
    QComboBox *m_branch = nullptr;
    QLabel *m_monthLabel = nullptr;
    QLabel *m_branchLabel = nullptr;
    QPushButton *m_preview = nullptr;
    QPushButton *m_pdf = nullptr;
    QPushButton *m_xlsx = nullptr;
    QPushButton *m_csv = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_kpiTitle = nullptr;
    QLabel *m_warningTitle = nullptr;
    QLabel *m_casesTitle = nullptr;
    QTableWidget *m_kpis = nullptr;
    QTableWidget *m_warnings = nullptr;
    QTableView *m_cases = nullptr;
    CaseTableModel *m_caseModel = nullptr;
};

} // namespace casedesk
