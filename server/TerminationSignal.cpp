#include "TerminationSignal.h"

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace casedesk {

namespace {
int pipeFds[2] = {-1, -1};

void onSignal(int signalNumber)
{
    // Only async-signal-safe work here: one byte into the pipe.
    const char byte = char(signalNumber);
    [[maybe_unused]] const auto written = ::write(pipeFds[1], &byte, 1);
}
} // namespace

TerminationSignal::TerminationSignal(QObject *parent)
    : QObject(parent)
{
    if (pipeFds[0] < 0) {
        if (::pipe2(pipeFds, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
    }
    m_notifier = std::make_unique<QSocketNotifier>(pipeFds[0], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &TerminationSignal::readPipe);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

TerminationSignal::~TerminationSignal()
{
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
}

void TerminationSignal::readPipe()
{
    char byte = 0;
    while (::read(pipeFds[0], &byte, 1) == 1)
        emit received(int(byte));
}

} // namespace casedesk
