#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace casedesk {

// Turns SIGTERM and SIGINT into a Qt signal (self-pipe), so `serve` shuts down in order: the open
// write batch is committed and answered before the process exits (systemd stop, Ctrl-C).
class TerminationSignal : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignal(QObject *parent = nullptr);
    ~TerminationSignal() override;

signals:
    void received(int signalNumber);

private:
    void readPipe();

    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace casedesk
