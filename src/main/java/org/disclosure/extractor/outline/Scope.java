package org.disclosure.extractor.outline;

/** Which part of a report a block belongs to: the report proper, its definitions, or what is appended to it. */
public enum Scope {
    /** the report itself, whose figures fill the record */
    MAIN,
    /** 名词解释: definitions only, never figures */
    GLOSSARY,
    /** 附件 and reports appended to this one: other scopes, other figures */
    APPENDIX
}
