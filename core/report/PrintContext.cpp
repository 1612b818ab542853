#include "report/PrintContext.h"

#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QMutex>

namespace casedesk {

namespace {

// Families known to cover Simplified Chinese, best first; fonts-wqy-microhei is the one CaseDesk installs.
const QStringList preferredFamilies = {QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC"),
    QStringLiteral("Source Han Sans SC"), QStringLiteral("WenQuanYi Zen Hei"), QStringLiteral("AR PL UMing CN")};
// Where Debian's font packages put them, for platforms whose font database does not scan the system
// (e.g. a minimal offscreen setup without fontconfig).
const QStringList knownFontFiles = {QStringLiteral("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    QStringLiteral("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    QStringLiteral("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")};

QString findFamily()
{
    const QStringList chinese = QFontDatabase::families(QFontDatabase::SimplifiedChinese);
    for (const QString &family : preferredFamilies) {
        if (chinese.contains(family))
            return family;
    }
    for (const QString &family : chinese) {
        if (!QFontDatabase::isBitmapScalable(family) && QFontDatabase::isSmoothlyScalable(family))
            return family;
    }
    return {};
}

} // namespace

PrintContext::PrintContext(const QPaintDevice &device, QString family)
    : m_device(device)
    , m_family(std::move(family))
    , m_dpi(device.logicalDpiY())
{ }

Result<QString> PrintContext::cjkFamily()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return Error {QStringLiteral("gui_required"),
            tr("Printing needs the GUI library; start the program with a QGuiApplication "
               "(a server can use QT_QPA_PLATFORM=offscreen)."),
            {}};
    }
    static QMutex mutex;
    static QString cached;
    QMutexLocker lock(&mutex);
    if (!cached.isEmpty())
        return cached;
    QString family = findFamily();
    if (family.isEmpty()) {
        for (const QString &file : knownFontFiles) {
            if (QFontDatabase::addApplicationFont(file) >= 0) {
                family = findFamily();
                if (!family.isEmpty())
                    break;
            }
        }
    }
    if (family.isEmpty()) {
        return Error {QStringLiteral("cjk_font_missing"),
            tr("No font with Chinese characters is installed; install fonts-wqy-microhei, otherwise "
               "Chinese text would be missing from printed documents."),
            {}};
    }
    cached = family;
    return family;
}

QFont PrintContext::font(qreal pointSize, bool bold) const
{
    QFont font(m_family);
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    // Outlines, not hinted bitmaps: the same glyph shapes on a 600 dpi PDF and a 96 dpi preview.
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(QFont::PreferOutline);
    return font;
}

qreal PrintContext::textHeight(const QFont &font, const QString &text, qreal width, int flags) const
{
    if (text.isEmpty())
        return metrics(font).height();
    return metrics(font).boundingRect(QRectF(0, 0, width, 1e7), flags | Qt::TextWordWrap, text).height();
}

} // namespace casedesk
