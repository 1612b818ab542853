#include "ui/SyncStatusIndicator.h"

#include "sync/SyncEngine.h"
#include "ui/RefusedOpsDialog.h"
#include "ui/UiLanguage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>

namespace casedesk {

namespace {
QIcon dot(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pixmap);
}
} // namespace

SyncStatusIndicator::SyncStatusIndicator(SyncEngine &engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
{
    m_status = new QToolButton(this);
    m_status->setObjectName(QStringLiteral("syncStatusButton"));
    m_status->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_status->setAutoRaise(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("syncErrorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setMaximumWidth(360);
    m_refused = new QToolButton(this);
    m_refused->setObjectName(QStringLiteral("syncRefusedButton"));
    m_refused->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refused->setAutoRaise(true);
    m_refused->setIcon(dot(QColor(0xd9, 0x82, 0x1e)));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_refused);

    connect(m_status, &QToolButton::clicked, &engine, &SyncEngine::syncNow);
    connect(m_refused, &QToolButton::clicked, this, &SyncStatusIndicator::showRefusedOps);
    connect(&engine, &SyncEngine::stateChanged, this, &SyncStatusIndicator::display);
    display(engine.state());
}

SyncStatusIndicator::~SyncStatusIndicator() = default;

QString SyncStatusIndicator::text() const
{
    return m_status->text();
}

QString SyncStatusIndicator::refusedText() const
{
    return m_refused->isHidden() ? QString() : m_refused->text();
}

QString SyncStatusIndicator::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->toolTip();
}

void SyncStatusIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        display(m_engine.state());
    QWidget::changeEvent(event);
}

void SyncStatusIndicator::display(const SyncState &state)
{
    const QLocale locale = UiLanguage::locale();
    const int pending = int(state.pending);
    QString text;
    QColor color;
    switch (state.connectivity) {
    case SyncState::Connectivity::Syncing:
        text = tr("Syncing…");
        color = QColor(0x1e, 0x6f, 0xd9);
        break;
    case SyncState::Connectivity::Online:
        text = tr("Online");
        color = QColor(0x2e, 0x9d, 0x4f);
        break;
    case SyncState::Connectivity::Offline:
        text = tr("Offline");
        color = QColor(0x8a, 0x8a, 0x8a);
        break;
    }
    if (state.needsSignIn) {
        text = tr("Sign-in needed");
        color = QColor(0xd9, 0x82, 0x1e);
    }
    if (pending > 0)
        text += QStringLiteral(" · ") + tr("%n change(s) to send", nullptr, pending);
    else if (state.connectivity == SyncState::Connectivity::Online && !state.needsSignIn)
        text += QStringLiteral(" · ") + tr("up to date");
    if (!state.lastError.isEmpty() && !state.needsSignIn && state.connectivity != SyncState::Connectivity::Syncing)
        color = QColor(0xd9, 0x82, 0x1e);
    m_status->setText(text);
    m_status->setIcon(dot(color));
    m_status->setAccessibleName(text);

    QStringList tip;
    if (state.lastSuccess.isValid())
        tip << tr("Last synchronised: %1").arg(locale.toString(state.lastSuccess, QLocale::ShortFormat));
    else
        tip << tr("Not synchronised yet in this session.");
    if (state.nextAttempt.isValid())
        tip << tr("Next attempt: %1").arg(locale.toString(state.nextAttempt.time(), QLocale::LongFormat));
    if (!state.lastError.isEmpty())
        tip << tr("Last error: %1").arg(state.lastError);
    if (state.needsSignIn)
        tip << tr("Click to sign in again.");
    else
        tip << tr("Click to synchronise now.");
    m_status->setToolTip(tip.join(QLatin1Char('\n')));

    // The error stays visible (not only in the tooltip) until a round succeeds, elided to fit.
    m_error->setToolTip(state.lastError);
    m_error->setText(m_error->fontMetrics().elidedText(state.lastError, Qt::ElideRight, m_error->maximumWidth()));
    m_error->setVisible(!state.lastError.isEmpty());

    const int refused = int(state.refused);
    m_refused->setText(tr("%n change(s) refused", nullptr, refused));
    m_refused->setToolTip(tr("The server refused changes you made. Click to see why and decide what to do."));
    m_refused->setVisible(refused > 0);
}

void SyncStatusIndicator::showRefusedOps()
{
    auto *dialog = new RefusedOpsDialog(m_engine.workspace(), &m_engine, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace casedesk
