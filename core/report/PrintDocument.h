#pragma once

#include "base/Result.h"
#include "report/PrintTable.h"
#include "report/ReportChart.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPageLayout>
#include <QString>

#include <memory>
#include <utility>

class QPagedPaintDevice;

namespace casedesk {

class PrintBlock;

// A printed document built from blocks (headings, paragraphs, tables, charts, a signature block …) and
// painted with QPainter onto any QPagedPaintDevice: QPdfWriter for PDF files and HTTP responses, the
// QPrinter of a print dialog or of QPrintPreviewDialog::paintRequested. Blocks are laid out top to bottom
// on A4; tables break across pages with their caption and header row repeated; every page but the cover
// carries a running header and "page n of N". The monthly report, the supervision reply and the
// acknowledgement slip are all made of these (BRIEF §2, §7, §8).
class PrintDocument
{
    Q_DECLARE_TR_FUNCTIONS(PrintDocument)

public:
    enum class TextStyle { Title, Body, Note, Centered, Quote };

    // A whole first page: organisation, title, subtitle, facts (period, scope, prepared by …), a note at the foot.
    struct Cover
    {
        QString organisation;
        QString title;
        QString subtitle;
        QList<std::pair<QString, QString>> facts;
        QString note;
    };

    // Running header and footer; pageFormat takes the page number and the page count ("第 %1 页 / 共 %2 页").
    struct Running
    {
        QString headerLeft;
        QString headerRight;
        QString footerLeft;
        QString pageFormat;
    };

    PrintDocument();

    void setTitle(const QString &title) { m_title = title; }
    const QString &title() const { return m_title; }
    void setRunning(const Running &running) { m_running = running; }
    // A4 portrait with 18 mm top/bottom and 16 mm side margins unless changed.
    void setPageLayout(const QPageLayout &layout) { m_layout = layout; }
    const QPageLayout &pageLayout() const { return m_layout; }

    void addCover(const Cover &cover);
    void addHeading(const QString &text, int level = 1);
    void addText(const QString &text, TextStyle style = TextStyle::Body);
    // A boxed, tinted paragraph for what the reader must not miss (early warnings, partial months).
    void addNotice(const QString &text);
    void addTable(const PrintTable &table);
    // Charts side by side in one row of the given height.
    void addCharts(const QList<ReportChart> &charts, double heightMm);
    // One column per role (编制 / 审核 / 审批 …) with lines for the signature and the date.
    void addSignatures(const QStringList &roles, const QString &signatureLabel, const QString &dateLabel);
    void addSpace(double millimetres);
    void addPageBreak();

    // Lays the document out for the device and paints every page; returns the number of pages.
    // The device gets this document's page layout. Errors: gui_required, cjk_font_missing, print_failed.
    Result<int> print(QPagedPaintDevice &device) const;
    Result<QByteArray> toPdf() const;

private:
    void add(std::shared_ptr<const PrintBlock> block);

    QString m_title;
    Running m_running;
    QPageLayout m_layout;
    QList<std::shared_ptr<const PrintBlock>> m_blocks;
    bool m_hasCover = false;
};

} // namespace casedesk
