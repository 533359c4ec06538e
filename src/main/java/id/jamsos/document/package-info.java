/**
 * Uploaded documents (KTP, KK): the type decided from the content and the image re-encoded, size limits, encryption
 * at rest, and access only by the owner (and, later, officers). The browser's file name is never used.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Document")
package id.jamsos.document;
