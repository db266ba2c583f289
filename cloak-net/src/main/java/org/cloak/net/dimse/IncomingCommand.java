package org.cloak.net.dimse;

import org.cloak.net.assoc.PresentationContext;

/** A command received on an accepted presentation context. */
public record IncomingCommand(PresentationContext context, Command command) {}
