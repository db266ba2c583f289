package org.cloak.server.web;

/** The admin page's server status: queues, database and the data folder's disk. */
public record ServerStatus(int queued, int running, String database, boolean databaseReady, long diskFreeMb,
                           long diskTotalMb, String dicom) {}
