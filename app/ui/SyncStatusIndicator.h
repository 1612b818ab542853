#pragma once

#include "sync/SyncState.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace casedesk {

class SyncEngine;

// The synchronisation state in the status bar (issue 4 §2): online / offline / syncing, how many
// changes wait to be sent, the last error; clicking it syncs now. Changes the server refused get a
// button of their own that opens RefusedOpsDialog.
class SyncStatusIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusIndicator(SyncEngine &engine, QWidget *parent = nullptr);
    ~SyncStatusIndicator() override;

    // What the indicator says now (also its accessible name).
    QString text() const;
    QString refusedText() const;
    QString errorText() const;

public slots:
    void showRefusedOps();

protected:
    void changeEvent(QEvent *event) override;

private:
    void display(const SyncState &state);

    SyncEngine &m_engine;
    QToolButton *m_status = nullptr;
    QLabel *m_error = nullptr;
    QToolButton *m_refused = nullptr;
};

} // namespace casedesk
