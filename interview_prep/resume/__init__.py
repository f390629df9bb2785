"""`prep resume`: a résumé read on the user's machine, its entries and techniques found, a personal pack written.

reading  PDF, DOCX, Markdown or plain text into lines of text (the readers are imported lazily)
parse    sections, the entries of projects and experience, what each claims and the numbers it states
catalogue the techniques an interviewer drills into (catalogue/<id>.yaml), with their aliases
pack     the deep-dive and technique questions, as a pack in the user's data folder
"""
