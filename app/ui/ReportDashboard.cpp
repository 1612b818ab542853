#include "ui/ReportDashboard.h"

#include "report/EarlyWarningRules.h"
#include "report/KpiDefinitions.h"
#include "report/MonthlyReportEngine.h"
#include "report/MonthlyReportTables.h"
#include "report/ReportDrillDown.h"
#include "session/Workspace.h"
#include "storage/CaseStore.h"
#include "ui/CaseTableModel.h"
#include "ui/UiLanguage.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace casedesk {

namespace {
// How many months back the month list reaches: two years covers 同比 of last year's reports.
constexpr int monthsOffered = 24;

void fill(QTableWidget *widget, const ReportTable &table, QStringView language, int stretchColumn)
{
    widget->clear();
    widget->setColumnCount(int(table.columns.size()));
    widget->setRowCount(int(table.rows.size()));
    QStringList headers;
    for (const ReportTable::Column &column : table.columns)
        headers.append(column.title.text(language));
    widget->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < table.rows.size(); ++r) {
        const ReportTable::Row &row = table.rows.at(r);
        for (int c = 0; c < row.cells.size() && c < table.columns.size(); ++c) {
            auto *item = new QTableWidgetItem(ReportTable::display(row.cells.at(c), language));
            item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
            if (table.columns.at(c).numeric)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row.emphasis == ReportTable::Emphasis::Warning)
                item->setForeground(QColor(0xb0, 0x20, 0x20));
            widget->setItem(r, c, item);
        }
    }
    // The name column takes the room; the figures keep to their width.
    widget->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (!table.columns.isEmpty())
        widget->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
}

QTableWidget *figureTable(QWidget *parent, const QString &name)
{
    auto *table = new QTableWidget(parent);
    table->setObjectName(name);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    return table;
}
} // namespace

ReportDashboard::ReportDashboard(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("reportDashboard"));
    m_month = new QComboBox(this);
    m_month->setObjectName(QStringLiteral("reportMonth"));
    const ReportMonth thisMonth = ReportMonth::of(workspace.clock().now().date());
    for (int i = 0; i <= monthsOffered; ++i) {
        const ReportMonth month = thisMonth.addMonths(-i);
        m_month->addItem(month.toString(), month.toString());
    }
    m_branch = new QComboBox(this);
    m_branch->setObjectName(QStringLiteral("reportBranch"));
    m_monthLabel = new QLabel(this);
    m_monthLabel->setBuddy(m_month);
    m_branchLabel = new QLabel(this);
    m_branchLabel->setBuddy(m_branch);
    m_preview = new QPushButton(this);
    m_preview->setObjectName(QStringLiteral("reportPreview"));
    m_pdf = new QPushButton(this);
    m_pdf->setObjectName(QStringLiteral("reportPdf"));
    m_xlsx = new QPushButton(this);
    m_xlsx->setObjectName(QStringLiteral("reportXlsx"));
    m_csv = new QPushButton(this);
    m_csv->setObjectName(QStringLiteral("reportCsv"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_monthLabel);
    controls->addWidget(m_month);
    controls->addSpacing(12);
    controls->addWidget(m_branchLabel);
    controls->addWidget(m_branch, 1);
    controls->addStretch();
    for (QPushButton *button : {m_preview, m_pdf, m_xlsx, m_csv})
        controls->addWidget(button);

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("reportHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("reportError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02020;"));
    m_error->hide();

    m_kpiTitle = new QLabel(this);
    m_kpis = figureTable(this, QStringLiteral("reportKpis"));
    m_warningTitle = new QLabel(this);
    m_warnings = figureTable(this, QStringLiteral("reportWarnings"));
    m_casesTitle = new QLabel(this);
    m_caseModel = new CaseTableModel(workspace, this);
    m_cases = new QTableView(this);
    m_cases->setObjectName(QStringLiteral("reportCases"));
    m_cases->setModel(m_caseModel);
    m_cases->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cases->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cases->verticalHeader()->hide();
    m_cases->horizontalHeader()->setStretchLastSection(true);

    const auto section = [this](QLabel *title, QWidget *body) {
        auto *box = new QWidget(this);
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(title);
        layout->addWidget(body, 1);
        return box;
    };
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(section(m_kpiTitle, m_kpis));
    top->addWidget(section(m_warningTitle, m_warnings));
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(section(m_casesTitle, m_cases));
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_heading);
    layout->addWidget(m_error);
    layout->addWidget(split, 1);

    fillBranches();
    connect(m_month, &QComboBox::currentIndexChanged, this, &ReportDashboard::recompute);
    connect(m_branch, &QComboBox::currentIndexChanged, this, &ReportDashboard::recompute);
    connect(m_kpis, &QTableWidget::activated, this, [this](const QModelIndex &index) {
        const auto &kpis = KpiDefinitions::kpis();
        if (index.row() >= 0 && index.row() < kpis.size())
            drillDownFigure(kpis.at(index.row()).code);
    });
    connect(m_warnings, &QTableWidget::activated, this,
        [this](const QModelIndex &index) { drillDownWarning(index.row()); });
    connect(m_cases, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const QString id = m_caseModel->caseId(index.row()); !id.isEmpty())
            emit openCase(id);
    });
    connect(m_preview, &QPushButton::clicked, this, [this] { openPreview(); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { saveWithDialog(MonthlyReportDocument::Format::Pdf); });
    connect(m_xlsx, &QPushButton::clicked, this, [this] { saveWithDialog(MonthlyReportDocument::Format::Xlsx); });
    connect(m_csv, &QPushButton::clicked, this, [this] { saveWithDialog(MonthlyReportDocument::Format::Csv); });

    retranslate();
    // Managers read last month's report at the start of a month (BRIEF §8).
    m_month->setCurrentIndex(1);
}

ReportDashboard::~ReportDashboard() = default;

QString ReportDashboard::language() const
{
    return UiLanguage::current() == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("zh_CN");
}

void ReportDashboard::fillBranches()
{
    const QSignalBlocker blocker(m_branch);
    const QString chosen = m_branch->currentData().toString();
    m_branch->clear();
    auto branches = m_workspace.store().branches();
    const AccessPolicy access = m_workspace.access();
    if (branches) {
        for (const Branch &b : branches.value()) {
            if (access.inScope(b.id))
                m_branch->addItem(QStringLiteral("%1 %2").arg(b.code, b.name), b.id);
        }
    }
    const int at = m_branch->findData(chosen.isEmpty() ? m_workspace.user().branchId : chosen);
    m_branch->setCurrentIndex(qMax(at, 0));
}

void ReportDashboard::showMonth(const ReportMonth &month)
{
    const int at = m_month->findData(month.toString());
    if (at < 0) {
        m_month->addItem(month.toString(), month.toString());
        m_month->setCurrentIndex(m_month->count() - 1);
    } else if (at != m_month->currentIndex()) {
        m_month->setCurrentIndex(at);
    } else {
        recompute();
    }
}

ReportMonth ReportDashboard::month() const
{
    auto parsed = ReportMonth::parse(m_month->currentData().toString());
    return parsed ? parsed.value() : ReportMonth();
}

void ReportDashboard::setBranch(const QString &branchId)
{
    const int at = m_branch->findData(branchId);
    if (at >= 0)
        m_branch->setCurrentIndex(at);
}

QString ReportDashboard::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ReportDashboard::recompute()
{
    auto warningRules = EarlyWarningRules::load();
    if (!warningRules) {
        m_error->setText(warningRules.error().message);
        m_error->show();
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const MonthlyReportEngine engine(
        m_workspace.store(), m_workspace.sharedRules(), warningRules.value(), m_workspace.clock());
    auto report = engine.compute(month(), m_branch->currentData().toString(), m_workspace.access());
    QApplication::restoreOverrideCursor();
    if (!report) {
        m_report.reset();
        m_error->setText(report.error().message);
        m_error->show();
    } else {
        m_report = std::move(report).value();
        m_error->hide();
    }
    m_caseModel->clear(); // nothing until a figure is chosen
    m_drillTitle.clear();
    fillTables();
    for (QPushButton *button : {m_preview, m_pdf, m_xlsx, m_csv})
        button->setEnabled(m_report.has_value());
}

void ReportDashboard::fillTables()
{
    retranslate();
    if (!m_report) {
        m_kpis->setRowCount(0);
        m_warnings->setRowCount(0);
        return;
    }
    const MonthlyReportTables tables(*m_report, language());
    fill(m_kpis, tables.kpis(), language(), 0);
    fill(m_warnings, tables.warnings(), language(), 1);
}

bool ReportDashboard::drillDownFigure(const QString &code)
{
    if (!m_report)
        return false;
    const auto query = ReportDrillDown(*m_report).figure(code);
    const FigureDefinition *definition = KpiDefinitions::find(code);
    if (!query || !definition) {
        m_drillTitle = tr("“%1” counts events, not cases, so there is no list behind it.")
                           .arg(definition ? definition->name.text(language()) : code);
        m_caseModel->clear();
        retranslate();
        return false;
    }
    m_caseModel->setQuery(*query);
    m_drillTitle = tr("Cases behind “%1” (%2)").arg(definition->name.text(language()), m_report->month.toString());
    retranslate();
    return true;
}

bool ReportDashboard::drillDownWarning(int index)
{
    if (!m_report || index < 0 || index >= m_report->warnings.size())
        return false;
    const EarlyWarning &warning = m_report->warnings.at(index);
    const auto query = ReportDrillDown(*m_report).warning(warning);
    if (!query)
        return false;
    m_caseModel->setQuery(*query);
    m_drillTitle = tr("Cases received in %1: %2").arg(m_report->month.toString(), warning.name.text(language()));
    retranslate();
    return true;
}

Status ReportDashboard::saveAs(MonthlyReportDocument::Format format, const QString &path) const
{
    if (!m_report)
        return Error {QStringLiteral("no_report"), tr("There is no report to save."), {}};
    auto file = MonthlyReportDocument(*m_report, language()).render(format);
    if (!file)
        return file.error();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(file->bytes) != file->bytes.size() || !out.commit()) {
        return Error {
            QStringLiteral("write_failed"), tr("%1 could not be written: %2").arg(path, out.errorString()), {}};
    }
    return {};
}

void ReportDashboard::saveWithDialog(MonthlyReportDocument::Format format)
{
    if (!m_report)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString extension, filter;
    switch (format) {
    case MonthlyReportDocument::Format::Pdf:
        extension = QStringLiteral("pdf");
        filter = tr("PDF files (*.pdf)");
        break;
    case MonthlyReportDocument::Format::Xlsx:
        extension = QStringLiteral("xlsx");
        filter = tr("Excel workbooks (*.xlsx)");
        break;
    case MonthlyReportDocument::Format::Csv:
        extension = QStringLiteral("csv");
        filter = tr("CSV files (*.csv)");
        break;
    case MonthlyReportDocument::Format::Json:
        extension = QStringLiteral("json");
        filter = tr("JSON files (*.json)");
        break;
    }
    const QString name = MonthlyReportDocument(*m_report, language()).fileName(extension);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save report"), QDir(folder).filePath(name), filter);
    if (path.isEmpty())
        return;
    if (auto saved = saveAs(format, path); !saved) {
        m_error->setText(saved.error().message);
        m_error->show();
    }
}

QPrintPreviewDialog *ReportDashboard::openPreview()
{
    if (!m_report)
        return nullptr;
    const PrintDocument document = MonthlyReportDocument(*m_report, language()).printDocument();
    auto *printer = new QPrinter(QPrinter::HighResolution);
    printer->setPageLayout(document.pageLayout());
    printer->setDocName(document.title());
    auto *dialog = new QPrintPreviewDialog(printer, this);
    dialog->setObjectName(QStringLiteral("reportPreviewDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The printer lives as long as the dialog that paints on it.
    connect(dialog, &QObject::destroyed, this, [printer] { delete printer; });
    connect(dialog, &QPrintPreviewDialog::paintRequested, this, [this, document](QPrinter *target) {
        if (auto printed = document.print(*target); !printed) {
            m_error->setText(printed.error().message);
            m_error->show();
        }
    });
    dialog->resize(900, 1000);
    dialog->open();
    return dialog;
}

void ReportDashboard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_report)
        fillTables();
    QWidget::changeEvent(event);
}

void ReportDashboard::retranslate()
{
    m_monthLabel->setText(tr("&Month:"));
    m_branchLabel->setText(tr("&Branch:"));
    m_preview->setText(tr("&Preview and print…"));
    m_pdf->setText(tr("Save as P&DF…"));
    m_xlsx->setText(tr("Export to &Excel…"));
    m_csv->setText(tr("Export C&SV…"));
    m_kpiTitle->setText(tr("Key figures (double-click for the cases)"));
    m_warningTitle->setText(tr("Early warnings"));
    m_casesTitle->setText(
        m_drillTitle.isEmpty() ? tr("Choose a figure or a warning to list its cases.") : m_drillTitle);
    if (!m_report) {
        m_heading->clear();
        return;
    }
    const MonthlyReportDocument document(*m_report, language());
    QString heading = QStringLiteral("<b>%1</b> · %2 · %3")
                          .arg(document.title().toHtmlEscaped(), m_report->month.label(language()).toHtmlEscaped(),
                              m_report->scope.name.toHtmlEscaped());
    if (m_report->partial)
        heading += QStringLiteral(" · ") + tr("month not yet ended: figures as of now").toHtmlEscaped();
    if (!m_report->warnings.isEmpty())
        heading += QStringLiteral(" · <span style='color:#b02020'>%1</span>")
                       .arg(tr("%n early warning(s)", nullptr, int(m_report->warnings.size())).toHtmlEscaped());
    m_heading->setText(heading);
}

} // namespace casedesk
