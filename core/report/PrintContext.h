#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QString>

namespace casedesk {

// What drawing on one paint device needs: its resolution (to turn millimetres and points into device
// pixels, the unit documents are laid out in) and the font family. The family must cover Chinese: Qt
// silently drops glyphs a font lacks, so a PDF without a CJK font would lose every Chinese word (DESIGN §2).
class PrintContext
{
    Q_DECLARE_TR_FUNCTIONS(PrintContext)

public:
    PrintContext(const QPaintDevice &device, QString family);

    // The family to print with: WenQuanYi Micro Hei (fonts-wqy-microhei) or another installed family that
    // covers Simplified Chinese. Errors: "gui_required" without a QGuiApplication (fonts need one; a
    // server runs with QT_QPA_PLATFORM=offscreen), "cjk_font_missing" when no such font is installed.
    static Result<QString> cjkFamily();

    const QPaintDevice &device() const { return m_device; }
    const QString &family() const { return m_family; }
    qreal dpi() const { return m_dpi; }
    qreal mm(qreal millimetres) const { return millimetres * m_dpi / 25.4; }
    qreal pt(qreal points) const { return points * m_dpi / 72.0; }
    QFont font(qreal pointSize, bool bold = false) const;
    QFontMetricsF metrics(const QFont &font) const { return QFontMetricsF(font, &m_device); }
    // Height of text wrapped to a width (CJK text breaks between characters).
    qreal textHeight(const QFont &font, const QString &text, qreal width, int flags = 0) const;

private:
    const QPaintDevice &m_device;
    QString m_family;
    qreal m_dpi;
};

} // namespace casedesk
