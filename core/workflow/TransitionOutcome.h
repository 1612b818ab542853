#pragma once

#include "domain/AuditEvent.h"
#include "domain/Case.h"

namespace casedesk {

// The result of a transition, not yet stored: the case as it now is and the audit event that
// records the step (BRIEF §6). The caller writes both in one transaction.
struct TransitionOutcome
{
    Case updated;
    AuditEvent event;
    // The complainant was pressured (a refused withdrawal, or a withdrawal found to be pressured
    // when it is re-opened): the caller re-routes the case (routing-rules.json, pressured_withdrawal).
    bool conductIssueRaised = false;
};

} // namespace casedesk
