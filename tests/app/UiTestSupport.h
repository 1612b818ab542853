#pragma once

#include <QApplication>
#include <QDir>
#include <QInputMethodEvent>
#include <QTest>
#include <QWidget>

namespace casedesk::testing {

// Saves what a window looks like to $CASEDESK_BINARY_DIR/screenshots/<name>.png (not asserted: for
// people to look at), after letting pending layout and paint events run.
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    // Twice: a queued show or layout request may post another event.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    const QString root = qEnvironmentVariable("CASEDESK_BINARY_DIR", QDir::currentPath());
    QDir dir(root);
    dir.mkpath(QStringLiteral("screenshots"));
    widget->grab().save(dir.filePath(QStringLiteral("screenshots/%1.png").arg(name)));
}

// Types into the focused widget as a person would: ASCII through key events, Chinese through the
// input method's commit (how a pinyin IME delivers it).
inline void type(const QString &text)
{
    QWidget *target = QApplication::focusWidget();
    QString run;
    bool asciiRun = true;
    const auto flush = [&] {
        if (run.isEmpty())
            return;
        if (asciiRun) {
            QTest::keyClicks(target, run);
        } else {
            QInputMethodEvent commit;
            commit.setCommitString(run);
            QApplication::sendEvent(target, &commit);
        }
        run.clear();
    };
    for (const QChar c : text) {
        const bool ascii = c.unicode() < 0x80;
        if (ascii != asciiRun)
            flush();
        asciiRun = ascii;
        run.append(c);
    }
    flush();
}

inline void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget();
    QTest::keyClick(target ? target : QApplication::activeWindow(), key, modifiers);
}

inline QString focusName()
{
    return QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString();
}

} // namespace casedesk::testing
