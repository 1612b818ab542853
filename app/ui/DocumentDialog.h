#pragma once

#include "report/PrintDocument.h"

#include <QDialog>

class QLabel;
class QPrintPreviewWidget;
class QPrinter;

namespace casedesk {

// Shows a printable document of the core (acknowledgement slip, supervision reply) page by page as it
// will print, with Print… as the default button and Save as PDF…, so the counter prints the slip with
// one Enter (issue 4 §3).
class DocumentDialog : public QDialog
{
    Q_OBJECT

public:
    DocumentDialog(PrintDocument document, QWidget *parent = nullptr);
    ~DocumentDialog() override;

    const PrintDocument &document() const { return m_document; }
    // Suggested file name for Save as PDF, without extension (e.g. the case number).
    void setPdfFileName(const QString &fileName) { m_pdfFileName = fileName; }
    QString errorText() const;

private:
    void printDocument();
    void savePdf();
    void showError(const QString &message);

    PrintDocument m_document;
    QString m_pdfFileName;
    std::unique_ptr<QPrinter> m_previewPrinter;
    QPrintPreviewWidget *m_preview = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace casedesk
