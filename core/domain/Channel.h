#pragma once

#include "domain/Codes.h"

namespace casedesk {

// How a complaint reached us (BRIEF §2).
enum class Channel {
    WalkIn,
    Phone,
    Letter,
    Email,
    Online,
    OpinionBox,
    Media,
    ForwardedSuperior,
    ForwardedRegulator,
};

template<>
struct CodeTable<Channel>
{
    static constexpr CodeEntry<Channel> entries[] = {
        {Channel::WalkIn, "walk_in"},
        {Channel::Phone, "phone"},
        {Channel::Letter, "letter"},
        {Channel::Email, "email"},
        {Channel::Online, "online"},
        {Channel::OpinionBox, "opinion_box"},
        {Channel::Media, "media"},
        {Channel::ForwardedSuperior, "forwarded_superior"},
        {Channel::ForwardedRegulator, "forwarded_regulator"},
    };
};

} // namespace casedesk
