#include "ui/DocumentDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QPrintDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace casedesk {

DocumentDialog::DocumentDialog(PrintDocument document, QWidget *parent)
    : QDialog(parent)
    , m_document(std::move(document))
    , m_previewPrinter(std::make_unique<QPrinter>(QPrinter::ScreenResolution))
{
    setObjectName(QStringLiteral("documentDialog"));
    setWindowTitle(m_document.title());
    m_previewPrinter->setPageLayout(m_document.pageLayout());
    m_preview = new QPrintPreviewWidget(m_previewPrinter.get(), this);
    m_preview->setObjectName(QStringLiteral("documentPreview"));
    m_preview->setFocusPolicy(Qt::ClickFocus);
    connect(m_preview, &QPrintPreviewWidget::paintRequested, this, [this](QPrinter *printer) {
        if (auto printed = m_document.print(*printer); !printed)
            showError(printed.error().message);
    });
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("documentError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #842029; background: #f8d7da; padding: 6px; }"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *print = buttons->addButton(tr("&Print…"), QDialogButtonBox::AcceptRole);
    print->setObjectName(QStringLiteral("printButton"));
    print->setDefault(true);
    QPushButton *pdf = buttons->addButton(tr("Save as P&DF…"), QDialogButtonBox::ActionRole);
    pdf->setObjectName(QStringLiteral("pdfButton"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    connect(print, &QPushButton::clicked, this, &DocumentDialog::printDocument);
    connect(pdf, &QPushButton::clicked, this, &DocumentDialog::savePdf);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(m_preview, 1);
    layout->addWidget(buttons);
    resize(720, 900);
    m_preview->fitToWidth();
    print->setFocus();
}

DocumentDialog::~DocumentDialog() = default;

void DocumentDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

QString DocumentDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void DocumentDialog::printDocument()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(m_document.title());
    printer.setPageLayout(m_document.pageLayout());
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print %1").arg(m_document.title()));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto printed = m_document.print(printer); !printed) {
        showError(printed.error().message);
        return;
    }
    accept();
}

void DocumentDialog::savePdf()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = (m_pdfFileName.isEmpty() ? m_document.title() : m_pdfFileName) + QStringLiteral(".pdf");
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save as PDF"), QDir(folder).filePath(name), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    auto pdf = m_document.toPdf();
    if (!pdf) {
        showError(pdf.error().message);
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size()) {
        showError(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
}

} // namespace casedesk
